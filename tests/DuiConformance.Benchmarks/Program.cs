using System.Reflection;
using DuiConformance.Benchmarks;

// `./bench.sh` lists the benchmarks; `./bench.sh <name>` runs one and ends with one line per figure (DESIGN.md §6).
// Note: `smtp-load-client` is not a benchmark but the client half of smtp-ingest, started by it in a process of its own.
if (args is ["smtp-load-client", .. var loadArguments])
{
    return await SmtpLoadClient.RunChildAsync(loadArguments, CancellationToken.None).ConfigureAwait(false);
}

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IBenchmark)))
    .Select(type => (IBenchmark)Activator.CreateInstance(type)!)
    .OrderBy(benchmark => benchmark.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0)
{
    Console.WriteLine("Benchmarks (./bench.sh <nom>) :");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-14} {benchmark.Description}");
    }

    return 0;
}

var chosen = benchmarks.FirstOrDefault(benchmark => benchmark.Name == args[0]);
if (chosen is null)
{
    Console.Error.WriteLine($"bench : benchmark inconnu '{args[0]}' (connus : {string.Join(", ", benchmarks.Select(benchmark => benchmark.Name))}).");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};
var figures = await chosen.RunAsync(Console.Error, cancellation.Token).ConfigureAwait(false);
foreach (var figure in figures)
{
    Console.WriteLine(figure);
}

return 0;

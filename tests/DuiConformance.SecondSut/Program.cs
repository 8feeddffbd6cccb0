using System.Globalization;
using DuiConformance.SecondSut;

// dui-second-sut [--port N]: starts the second SUT on 127.0.0.1; its hooks are on only when the environment variable
// SECOND_SUT_HOOKS_SECRET holds a secret (the test set-up), and stay off otherwise.
var port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
await using var sut = await SecondSutServer.StartAsync(port, Environment.GetEnvironmentVariable("SECOND_SUT_HOOKS_SECRET"), stop.Token);
Console.WriteLine(sut.BaseAddress);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Note: Ctrl+C is the normal way to stop.
}

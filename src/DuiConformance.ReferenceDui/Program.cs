using System.Runtime.InteropServices;
using DuiConformance.ReferenceDui;
using Microsoft.Extensions.Configuration;

// Standalone run of the reference DUI: settings from the "ReferenceDui" section of appsettings.json, environment
// variables (ReferenceDui__FhirBaseUrl=…) and the command line (--ReferenceDui:Urls=http://127.0.0.1:5180).
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var settings = configuration.GetSection("ReferenceDui").Get<ReferenceDuiSettings>() ?? new ReferenceDuiSettings();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

RunningReferenceDui dui;
try
{
    dui = await ReferenceDuiServer.StartAsync(settings, stop.Token);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("Configuration invalide : " + e.Message);
    return 2;
}

await using (dui)
{
    Console.WriteLine($"{settings.ProductName} {settings.ProductVersion} : {dui.BaseAddress} (base {settings.DatabasePath})");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Note: Ctrl+C or SIGTERM, stop gracefully.
    }
}

return 0;

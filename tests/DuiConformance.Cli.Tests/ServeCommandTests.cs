using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using DuiConformance.Core;

namespace DuiConformance.Cli.Tests;

/// <summary>
/// <c>serve --json</c> as a DUI's test rig meets it: a separate process, one JSON line once everything listens, real
/// requests against the printed endpoints, then SIGTERM, a clean exit and the evidence flushed (DESIGN.md §3).
/// </summary>
[Category("EndToEnd")]
[Category("Network")]
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Serve_json_prints_every_endpoint_once_listening_and_stops_cleanly_on_sigterm()
    {
        var output = Path.Combine(Path.GetTempPath(), "dui-serve-" + Guid.NewGuid().ToString("N"));
        var cli = Path.Combine(AppContext.BaseDirectory, "dui-conformance.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "serve", "--json", "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DUI_CONFORMANCE_HOME"] = RepositoryLayout.Root;
        using var process = Process.Start(start)!;
        // Note: stderr is drained as it comes; reading it to the end would wait for an exit that only SIGTERM brings.
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, received) =>
        {
            lock (errors)
            {
                errors.AppendLine(received.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);
            line.ShouldNotBeNull(errors.ToString());
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            root.EnumerateObject().Select(property => property.Name)
                .ShouldBe(["fhir", "psc", "smtp", "imap", "insi", "mailboxes", "evidence"], ignoreOrder: true);
            var fhirBase = new Uri(root.GetProperty("fhir").GetProperty("base").GetString()!);
            fhirBase.IsLoopback.ShouldBeTrue();
            new Uri(root.GetProperty("insi").GetProperty("url").GetString()!).IsLoopback.ShouldBeTrue();
            root.GetProperty("smtp").GetProperty("host").GetString().ShouldBe("127.0.0.1");
            root.GetProperty("imap").GetProperty("port").GetInt32().ShouldBeGreaterThan(0);
            root.GetProperty("mailboxes").GetArrayLength().ShouldBeGreaterThan(0);

            // The printed token opens the DMP search; without it the simulator answers 401.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var search = new Uri(fhirBase + "/DocumentReference?status=current&patient.identifier=urn:oid:1.2.250.1.213.1.4.8|242056912345661");
            (await http.GetAsync(search)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
            using var request = new HttpRequestMessage(HttpMethod.Get, search);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", root.GetProperty("psc").GetProperty("testToken").GetString());
            (await http.SendAsync(request)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

            // While serve runs, the evidence journal becomes object files once nothing was recorded for a second.
            var evidence = root.GetProperty("evidence").GetString()!;
            var waited = Stopwatch.StartNew();
            while ((Directory.Exists(Path.Combine(evidence, "journal")) || !Directory.EnumerateFiles(Path.Combine(evidence, "objects")).Any()) && waited.Elapsed < Timeout)
            {
                await Task.Delay(50);
            }

            Directory.Exists(Path.Combine(evidence, "journal")).ShouldBeFalse("the idle checkpoint ran");
            Directory.EnumerateFiles(Path.Combine(evidence, "objects")).ShouldNotBeEmpty();

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().WaitAsync(Timeout);
            }

            await process.WaitForExitAsync().WaitAsync(Timeout);
            process.ExitCode.ShouldBe(0);
            File.Exists(Path.Combine(output, "evidence", "manifest.json")).ShouldBeTrue();
            Directory.Exists(Path.Combine(output, "evidence", "journal")).ShouldBeFalse();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

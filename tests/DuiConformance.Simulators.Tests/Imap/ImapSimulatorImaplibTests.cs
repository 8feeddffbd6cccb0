using System.Diagnostics;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Imap;

/// <summary>Python's imaplib as a second, independent IMAP client (issue 3: the simulator must not work with MailKit only).</summary>
[Category("Network")]
public sealed class ImapSimulatorImaplibTests
{
    [Test, Description("imaplib: STARTTLS, LOGIN, SELECT, FETCH (HEADER.FIELDS, partial, BODY[] sets \\Seen), UID SEARCH/COPY/STORE, CREATE, APPEND, STATUS, LIST, EXPUNGE, CLOSE, LOGOUT")]
    public async Task Python_imaplib_runs_a_full_session()
    {
        var python = FindPython();
        if (python is null)
        {
            Assert.Inconclusive("python3 is not installed.");
        }

        using var evidence = new TemporaryEvidence();
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("start");
        var mailbox = simulators.Mailboxes[0];
        await simulators.DeliverAsync(mailbox.Address, ImapSimulatorMailKitTests.Serialize(ImapSimulatorMailKitTests.CreateDischargeLetter())).WithTimeout("deliver");
        var caFile = Path.Combine(evidence.Directory, "ca.pem");
        simulators.Certificate.WritePem(caFile);
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Imap", "imaplib_client.py");

        var (exitCode, output) = await RunAsync(python, [script, simulators.ImapHost, simulators.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), mailbox.User, mailbox.Password, caFile]);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("OK seen-after-body");
        output.ShouldContain("OK expunge 1");
        output.ShouldContain("OK logout");
    }

    internal static string? FindPython() =>
        new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(File.Exists);

    internal static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

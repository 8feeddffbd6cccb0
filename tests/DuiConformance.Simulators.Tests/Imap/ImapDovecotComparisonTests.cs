using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Imap;

/// <summary>
/// The same imaplib script against the simulator and against dovecot (issue 3: "where a behaviour is unclear, do what
/// dovecot does"); statuses must match everywhere and the data of every structural step must match too.
/// </summary>
[Category("Dovecot"), Category("Network")]
public sealed class ImapDovecotComparisonTests
{
    /// <summary>Steps whose data depends on server identity (UIDVALIDITY, texts), compared by status only.</summary>
    private static readonly HashSet<string> StatusOnly = ["append", "select", "reselect", "examine", "select-missing", "copy-missing", "create-inbox", "create-folder", "fetch-out-of-range", "logout", "store-flagged"];

    [Test]
    public async Task Simulator_answers_the_script_as_dovecot_does()
    {
        var python = ImapSimulatorImaplibTests.FindPython();
        if (python is null || !DovecotServer.IsInstalled)
        {
            Assert.Inconclusive("dovecot-imapd or python3 is not installed (apt-get install -y dovecot-imapd).");
        }

        using var evidence = new TemporaryEvidence();
        var message = Path.Combine(evidence.Directory, "message.eml");
        Directory.CreateDirectory(evidence.Directory);
        await File.WriteAllBytesAsync(message, ImapSimulatorMailKitTests.Serialize(ImapSimulatorMailKitTests.CreateDischargeLetter()));
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("start");
        var caFile = Path.Combine(evidence.Directory, "ca.pem");
        simulators.Certificate.WritePem(caFile);
        var mailbox = simulators.Mailboxes[0];
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Imap", "imap_compare.py");

        var (ourExit, ours) = await ImapSimulatorImaplibTests.RunAsync(python, [script, simulators.ImapHost, simulators.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), mailbox.User, mailbox.Password, caFile, message]);
        string theirs;
        await using (var dovecot = await DovecotServer.StartAsync(simulators.Certificate, mailbox.User, mailbox.Password))
        {
            (_, theirs) = await ImapSimulatorImaplibTests.RunAsync(python, [script, "127.0.0.1", dovecot.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), mailbox.User, mailbox.Password, caFile, message]);
        }

        ourExit.ShouldBe(0, ours);
        var ourSteps = Parse(ours);
        var theirSteps = Parse(theirs);
        theirSteps.Count.ShouldBeGreaterThan(20, "dovecot run: " + theirs);
        var differences = new List<string>();
        foreach (var (step, (status, data)) in theirSteps)
        {
            if (!ourSteps.TryGetValue(step, out var ourStep))
            {
                differences.Add($"{step}: missing");
            }
            else if (ourStep.Status != status || (!StatusOnly.Contains(step) && ourStep.Data != data))
            {
                differences.Add($"{step}:\n  dovecot   {status} {data}\n  simulator {ourStep.Status} {ourStep.Data}");
            }
        }

        differences.ShouldBeEmpty(string.Join("\n", differences));
    }

    private static Dictionary<string, (string Status, string Data)> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3)
            .ToDictionary(parts => parts[0], parts => (parts[1], parts[2]), StringComparer.Ordinal);
}

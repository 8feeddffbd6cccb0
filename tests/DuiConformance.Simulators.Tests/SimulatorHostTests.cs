using System.Net.Sockets;
using DuiConformance.Core;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests;

[Category("Network")]
public sealed class SimulatorHostTests
{
    [Test]
    public async Task Host_starts_both_simulators_on_loopback_with_a_default_mailbox()
    {
        using var evidence = new TemporaryEvidence();
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("start");

        simulators.ShouldSatisfyAllConditions(
            () => simulators.FhirBase.Host.ShouldBe("127.0.0.1"),
            () => simulators.FhirBase.AbsolutePath.ShouldBe("/fhir"),
            () => simulators.FhirBase.Port.ShouldBeGreaterThan(0),
            () => simulators.SmtpHost.ShouldBe("127.0.0.1"),
            () => simulators.SmtpPort.ShouldBeGreaterThan(0),
            () => simulators.Certificate.PublicPem.ShouldStartWith("-----BEGIN CERTIFICATE-----"),
            () => simulators.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(SimulatorHostOptions.DefaultMailboxAddress),
            () => simulators.Mailboxes[0].User.ShouldBe(SimulatorHostOptions.DefaultMailboxUser),
            () => simulators.Mailboxes[0].Password.Length.ShouldBeGreaterThanOrEqualTo(20),
            () => simulators.Mailboxes[0].ToString().ShouldNotContain(simulators.Mailboxes[0].Password));
    }

    [Test]
    public async Task Each_run_gets_a_different_default_password()
    {
        using var evidence = new TemporaryEvidence();
        await using var first = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("start 1");
        await using var second = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("start 2");

        first.Mailboxes[0].Password.ShouldNotBe(second.Mailboxes[0].Password);
    }

    [Test]
    public async Task Non_loopback_bind_address_is_refused_unless_allowed()
    {
        using var evidence = new TemporaryEvidence();

        var refusal = await Should.ThrowAsync<ArgumentException>(() => SimulatorHost.StartAsync(new SimulatorHostOptions { BindAddress = "0.0.0.0" }, evidence.Store, CancellationToken.None));

        refusal.Message.ShouldContain("loopback");
    }

    [Test]
    public async Task Smtp_port_in_use_is_a_harness_fault()
    {
        using var evidence = new TemporaryEvidence();
        using var occupant = new TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        var fault = await Should.ThrowAsync<HarnessException>(() => SimulatorHost.StartAsync(new SimulatorHostOptions { SmtpPort = port }, evidence.Store, CancellationToken.None));

        fault.Code.ShouldBe(HarnessCodes.SmtpBindFailed);
    }

    [Test]
    public async Task Certificate_pem_can_be_written_for_a_dui_trust_store()
    {
        using var certificate = SimulatorCertificate.Create();
        var path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.pem");
        try
        {
            certificate.WritePem(path);

            var loaded = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(path));
            loaded.Thumbprint.ShouldBe(certificate.Certificate.Thumbprint);
            certificate.Certificate.HasPrivateKey.ShouldBeTrue();
            certificate.Certificate.Subject.ShouldContain("CN=localhost");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Stopping_the_smtp_simulator_answers_open_sessions_421()
    {
        using var evidence = new TemporaryEvidence();
        using var certificate = SimulatorCertificate.Create();
        var simulator = new SmtpSimulator(new SmtpSimulatorOptions(), evidence.Store, certificate);
        simulator.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(simulator.LocalEndPoint).WithTimeout("connect");
        await using var script = new ScriptedSmtpClient(tcp.GetStream());
        await script.ReadReplyAsync();

        await simulator.StopAsync().WithTimeout("stop");

        await script.ExpectAsync("421 4.3.2 Service shutting down, closing transmission channel");
        evidence.Store.Items.ShouldHaveSingleItem().Property("end").ShouldBe("Shutdown");
    }
}

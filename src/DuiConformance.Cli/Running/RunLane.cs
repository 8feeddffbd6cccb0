using DuiConformance.Core.Evidence;
using DuiConformance.ReferenceDui;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Drivers.Playwright;
using DuiConformance.Scenarios.Running;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Running;

/// <summary>
/// One lane of a run: its own simulators, its own system under test and its own driver, all on loopback. Scenarios
/// run one after the other inside a lane; lanes share nothing but the evidence store's folder.
/// </summary>
public sealed class RunLane : IAsyncDisposable
{
    private readonly RunningSimulators _simulators;
    private readonly IAsyncDisposable _sut;
    private readonly IScenarioDriver _driver;

    private RunLane(RunningSimulators simulators, IAsyncDisposable sut, IScenarioDriver driver, ScenarioRunner runner, string sutName, string sutVersion)
    {
        _simulators = simulators;
        _sut = sut;
        _driver = driver;
        Runner = runner;
        SutName = sutName;
        SutVersion = sutVersion;
    }

    /// <summary>Runs this lane's scenarios; subscribe to its events for progress.</summary>
    public ScenarioRunner Runner { get; }

    /// <summary>Product name the system under test reports.</summary>
    public string SutName { get; }

    /// <summary>Product version the system under test reports.</summary>
    public string SutVersion { get; }

    /// <summary>Starts the simulators, the system under test wired to them, and the driver.</summary>
    /// <param name="options">What the run was asked to do (SUT preset, defects, language).</param>
    /// <param name="uiMap">The SUT's UI map, for the browser driver.</param>
    /// <param name="checks">The checks scenarios may name.</param>
    /// <param name="workDirectory">Where this lane keeps its files (database, certificates).</param>
    /// <param name="evidence">Where the simulators and the driver record.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<RunLane> StartAsync(
        RunOptions options,
        UiMap uiMap,
        IReadOnlyDictionary<string, Core.Checks.ICheck> checks,
        string workDirectory,
        EvidenceStore evidence,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(workDirectory);
        var hostOptions = new SimulatorHostOptions();
        var simulators = await SimulatorHost.StartAsync(hostOptions, evidence, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? sut = null;
        try
        {
            var dui = await StartReferenceDuiAsync(options, simulators, hostOptions.MaxMessageSize, workDirectory, cancellationToken).ConfigureAwait(false);
            sut = dui;
            var driver = await PlaywrightDriver.StartAsync(uiMap, dui.BaseAddress, new BrowserOptions(), evidence).ConfigureAwait(false);
            var duiMailbox = simulators.Mailboxes[0].Address;
            var runner = new ScenarioRunner(driver, evidence, checks, options.Language)
            {
                // Note: a scenario step with `deliver:` has the operator file a fixture message in the DUI's mailbox first.
                DeliverMail = (message, ct) => simulators.DeliverAsync(duiMailbox, message, ct),
            };
            return new RunLane(simulators, dui, driver, runner, dui.Settings.ProductName, dui.Settings.ProductVersion);
        }
        catch
        {
            if (sut is not null)
            {
                await sut.DisposeAsync().ConfigureAwait(false);
            }

            await simulators.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one scenario in this lane.</summary>
    public Task<ScenarioRunResult> RunAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Runner.RunAsync(scenario, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _driver.DisposeAsync().ConfigureAwait(false);
        await _sut.DisposeAsync().ConfigureAwait(false);
        await _simulators.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<RunningReferenceDui> StartReferenceDuiAsync(RunOptions options, RunningSimulators simulators, long maxMessageSize, string workDirectory, CancellationToken cancellationToken)
    {
        var certificatePath = Path.Combine(workDirectory, "simulator-certificate.pem");
        simulators.Certificate.WritePem(certificatePath);
        var mailbox = simulators.Mailboxes[0];
        var insiServerPath = Path.Combine(workDirectory, "insi-server-certificate.pem");
        var insiClientPath = Path.Combine(workDirectory, "insi-client-certificate.p12");
        var insiClientPassword = Guid.NewGuid().ToString("N");
        simulators.InsiCertificates.WriteServerPem(insiServerPath);
        simulators.InsiCertificates.WriteClientPkcs12(insiClientPath, insiClientPassword);
        return await ReferenceDuiServer.StartAsync(
            new ReferenceDuiSettings
            {
                DatabasePath = Path.Combine(workDirectory, "reference-dui.db"),
                FhirBaseUrl = simulators.FhirBase.ToString(),
                PscTokenEndpoint = simulators.Psc.TokenEndpoint.ToString(),
                PscClientId = simulators.Psc.Options.Organisations[0].ClientId,
                PscClientSecret = simulators.Psc.Options.Organisations[0].ClientSecret,
                PscUsername = simulators.Psc.Options.Professionals[0].Rpps,
                PscPassword = simulators.Psc.Options.Professionals[0].Password,
                SmtpHost = simulators.SmtpHost,
                SmtpPort = simulators.SmtpPort,
                SmtpUser = mailbox.User,
                SmtpPassword = mailbox.Password,
                SenderAddress = mailbox.Address,
                TrustedServerCertificatePath = certificatePath,
                Defects = options.Defects,
                InsiEndpoint = simulators.InsiEndpoint.ToString(),
                InsiClientCertificatePath = insiClientPath,
                InsiClientCertificatePassword = insiClientPassword,
                InsiTrustedServerCertificatePath = insiServerPath,
                ImapHost = simulators.ImapHost,
                ImapPort = simulators.ImapPort,
                MssMaxMessageBytes = maxMessageSize,
            },
            cancellationToken).ConfigureAwait(false);
    }
}

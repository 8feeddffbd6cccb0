using DuiConformance.Core.Evidence;
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
    private readonly IAsyncDisposable? _sut;
    private readonly IScenarioDriver _driver;

    private RunLane(RunningSimulators simulators, IAsyncDisposable? sut, IScenarioDriver driver, ScenarioRunner runner, string sutName, string sutVersion)
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
    /// <param name="uiMap">The SUT's UI map, for the browser driver; null when the preset has none.</param>
    /// <param name="checks">The checks scenarios may name.</param>
    /// <param name="workDirectory">Where this lane keeps its files (database, certificates).</param>
    /// <param name="evidence">Where the simulators and the driver record.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<RunLane> StartAsync(
        RunOptions options,
        UiMap? uiMap,
        IReadOnlyDictionary<string, Core.Checks.ICheck> checks,
        string workDirectory,
        EvidenceStore evidence,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(workDirectory);
        // Note: --ins-mode test, the simulated INSi answers with the test OIDs .10/.11 (domain.md §2.3, §10).
        var hostOptions = options.InsMode == Core.Fhir.Profiles.InsMode.Test
            ? new SimulatorHostOptions { InsiIdentities = Simulators.Insi.InsiIdentityBase.Load(Core.RepositoryLayout.Fixture("identities")).WithTestOids() }
            : new SimulatorHostOptions();
        var simulators = await SimulatorHost.StartAsync(hostOptions, evidence, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? sut = null;
        try
        {
            var launched = await SutLauncher.StartAsync(options, uiMap, simulators, workDirectory, evidence, cancellationToken).ConfigureAwait(false);
            sut = launched.Process;
            var duiMailbox = simulators.Mailboxes[0].Address;
            var runner = new ScenarioRunner(launched.Driver, evidence, checks, options.Language)
            {
                // Note: a scenario step with `deliver:` has the operator file a fixture message in the DUI's mailbox first.
                DeliverMail = (message, ct) => simulators.DeliverAsync(duiMailbox, message, ct),

                // Note: a step with `revoke-token: mail` has the PSC revoke the tokens of the DUI's mail sessions first (DUI-SEC-04).
                RevokeTokens = simulators.RevokeMailTokensAsync,
                // Note: a step with `operator-max-size:` lowers (or raises) the SIZE the operator announces, for that scenario only.
                SetMailSizeLimit = simulators.SetSmtpMaxMessageSize,
                // Note: `fhir-refuse:` has the simulated DMP refuse the DUI's next submission (PDSM-07).
                RefuseSubmission = (refusal, _) =>
                {
                    simulators.RefuseNextSubmission(Simulators.Fhir.SubmissionRefusal.Parse(refusal));
                    return Task.CompletedTask;
                },
                WithdrawRefusals = simulators.WithdrawRefusals,
            };
            return new RunLane(simulators, launched.Process, launched.Driver, runner, launched.Name, launched.Version);
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
        if (_sut is not null)
        {
            await _sut.DisposeAsync().ConfigureAwait(false);
        }

        await _simulators.DisposeAsync().ConfigureAwait(false);
    }
}

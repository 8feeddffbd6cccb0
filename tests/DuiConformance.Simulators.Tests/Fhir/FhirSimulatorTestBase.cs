using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// A FHIR simulator on loopback for each test, with its own evidence folder and an HTTP client bounded by the network
/// timeout; derived fixtures add their own set-up after this one (NUnit runs the base class's first).
/// </summary>
[Category("Network")]
public abstract class FhirSimulatorTestBase
{
    protected TemporaryEvidence Evidence { get; private set; } = null!;

    protected FhirSimulator Simulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public async System.Threading.Tasks.Task StartSimulator()
    {
        Evidence = new TemporaryEvidence();
        Simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions(), Evidence.Store).WithTimeout("FHIR start");
        Http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [TearDown]
    public async System.Threading.Tasks.Task StopSimulator()
    {
        Http.Dispose();
        await Simulator.DisposeAsync().AsTask().WithTimeout("FHIR stop");
        Evidence.Dispose();
    }
}

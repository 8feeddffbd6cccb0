using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Tests;

/// <summary>
/// What the tests of the runner's action parameters (<c>deliver</c>, <c>revoke-token</c>, <c>operator-max-size</c>,
/// <c>fhir-refuse</c>) share: an evidence store in a folder of its own, and a demo scenario built from given steps.
/// </summary>
public abstract class ActionParameterTests
{
    private string _directory = null!;

    /// <summary>The store the runner under test records into; fresh for every test.</summary>
    protected EvidenceStore Store { get; private set; } = null!;

    [SetUp]
    public void CreateStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-parameters-" + Guid.NewGuid().ToString("N"));
        Store = new EvidenceStore(_directory, new EvidenceTagContext("run-1"));
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_directory, recursive: true);

    /// <summary>A demo scenario verifying <paramref name="requirement"/> with these steps.</summary>
    protected static ScenarioDefinition DemoScenario(string requirement, params ScenarioStep[] steps) =>
        new("demo", "Démo", "Demo", [requirement], new ScenarioData(new Dictionary<string, string>()), steps, "demo.yaml");

    /// <summary>An action step with its <c>with:</c> parameters.</summary>
    protected static ScenarioStep ActionStep(string id, string action, IReadOnlyDictionary<string, string> parameters) =>
        new(id, StepKind.Action, action, parameters, null, []);
}

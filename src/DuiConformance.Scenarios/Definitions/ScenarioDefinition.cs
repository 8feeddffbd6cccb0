namespace DuiConformance.Scenarios.Definitions;

/// <summary>A scenario as declared in <c>profiles/scenarios/*.yaml</c> (see <c>profiles/scenarios/README.md</c>).</summary>
/// <param name="Id">Permanent id, e.g. <c>dlu-share</c>.</param>
/// <param name="TitleFr">French title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Verifies">Requirement ids the scenario verifies.</param>
/// <param name="Data">Named data: fixture documents (by path under <c>fixtures/</c>) and plain values.</param>
/// <param name="Steps">Steps, run in order.</param>
/// <param name="SourceFile">The file it was loaded from.</param>
public sealed record ScenarioDefinition(
    string Id,
    string TitleFr,
    string TitleEn,
    IReadOnlyList<string> Verifies,
    ScenarioData Data,
    IReadOnlyList<ScenarioStep> Steps,
    string SourceFile)
{
    /// <summary>The title in the report language.</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;
}

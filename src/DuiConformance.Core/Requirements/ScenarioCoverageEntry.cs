namespace DuiConformance.Core.Requirements;

/// <summary>
/// What one scenario file says it covers, for the coverage table: the requirements it <c>verifies</c> and the check
/// ids its steps run (profiles/scenarios/*.yaml).
/// </summary>
/// <param name="Id">The scenario id.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="Verifies">Its <c>verifies</c> list.</param>
/// <param name="Checks">The check ids named by its <c>check</c> steps.</param>
public sealed record ScenarioCoverageEntry(string Id, string File, IReadOnlyList<string> Verifies, IReadOnlyList<string> Checks);

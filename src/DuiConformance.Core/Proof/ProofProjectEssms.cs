namespace DuiConformance.Core.Proof;

/// <summary>One expected ESSMS of a project CSV.</summary>
/// <param name="Finess">Its FINESS géographique (valid).</param>
/// <param name="Bundle">Full path of its bundle when the CSV gives one; otherwise null (found by FINESS).</param>
/// <param name="Line">Line number in the CSV, for messages.</param>
public sealed record ProofProjectEssms(string Finess, string? Bundle, int Line);

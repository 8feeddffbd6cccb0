namespace DuiConformance.Core.Checks.Ins;

/// <summary>How the INS checks relate emissions and INSi calls about the same person: upper-case birth name and birth date.</summary>
public static class InsPerson
{
    /// <summary>INS OIDs (domain.md §2.3): NIR, NIA, test NIR, demonstration NIR.</summary>
    public static IReadOnlyList<string> Oids { get; } = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    /// <summary>Production INS OIDs (NIR, NIA).</summary>
    public static IReadOnlyList<string> ProductionOids { get; } = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9"];

    /// <summary>The key of a person.</summary>
    public static string Key(string? birthName, string? birthDate) =>
        (birthName ?? string.Empty).Trim().ToUpperInvariant() + "|" + (birthDate ?? string.Empty).Trim();
}

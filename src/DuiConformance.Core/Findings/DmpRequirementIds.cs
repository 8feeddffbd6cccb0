namespace DuiConformance.Core.Findings;

/// <summary>The DMP requirement ids beyond DUI-DMP-01..03 (profiles/requirements/catalogue-dmp.csv). Permanent.</summary>
public static class DmpRequirementIds
{
    /// <summary>No feeding of a closed or absent DMP, nor when the usager opposed it (domain.md §8.3 DMP-09).</summary>
    public const string Dmp09 = "DUI-DMP-09";

    /// <summary>Conforming replacement, masking and deletion; PDSm reading: relatesTo replaces and conditional PATCH (DMP-10..12, PDSM-10, PDSM-11).</summary>
    public const string Dmp10 = "DUI-DMP-10";

    /// <summary>ITI-105, ITI-67 queries with patient and status, metadata PATCH and replacement (PDSM-08..11).</summary>
    public const string Dmp14 = "DUI-DMP-14";

    /// <summary>Every id of this class.</summary>
    public static IReadOnlyList<string> All { get; } = [Dmp09, Dmp10, Dmp14];
}

namespace DuiConformance.Core.Findings;

/// <summary>
/// The DUI-DMP requirement ids beyond DUI-DMP-01..03 (profiles/requirements/catalogue-dmp.csv) that checks verify:
/// the PDSm profile checks and the DMP behaviour checks (domain.md §8.3–8.4). Permanent strings, shared with the
/// requirement catalogue and the reports.
/// </summary>
public static class DmpRequirementIds
{
    /// <summary>Confidentiality N and extra codes from TRE_A07 only (DMP-08, PDSM-05).</summary>
    public const string Dmp08 = "DUI-DMP-08";

    /// <summary>No feeding of a closed or absent DMP, nor when the usager opposed it (domain.md §8.3 DMP-09).</summary>
    public const string Dmp09 = "DUI-DMP-09";

    /// <summary>Conforming replacement, masking and deletion; PDSm reading: relatesTo replaces and conditional PATCH (DMP-10..12, PDSM-10, PDSM-11).</summary>
    public const string Dmp10 = "DUI-DMP-10";

    /// <summary>DocumentReference context (period, facility type, practice setting) and format from the value sets (PDSM-04).</summary>
    public const string Dmp11 = "DUI-DMP-11";

    /// <summary>Complete SubmissionSet List (PDSM-06).</summary>
    public const string Dmp12 = "DUI-DMP-12";

    /// <summary>transaction-response handled entry by entry; 4xx errors and their OperationOutcome shown to the user (PDSM-07).</summary>
    public const string Dmp13 = "DUI-DMP-13";

    /// <summary>ITI-105, ITI-67 queries with patient and status, metadata PATCH and replacement (PDSM-08..11).</summary>
    public const string Dmp14 = "DUI-DMP-14";

    /// <summary>Every resource validates against the pinned PDSm, MHD and FR Core profiles with 0 errors (PDSM-12).</summary>
    public const string Dmp15 = "DUI-DMP-15";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Dmp08, Dmp09, Dmp10, Dmp11, Dmp12, Dmp13, Dmp14, Dmp15];
}

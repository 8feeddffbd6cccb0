namespace DuiConformance.Core.Findings;

/// <summary>
/// The DUI-DMP requirement ids of profiles/requirements/catalogue-dmp.csv that the FHIR profile checks verify
/// (domain.md §8.4). Permanent strings, shared with the requirement catalogue and the reports.
/// </summary>
public static class DmpRequirementIds
{
    /// <summary>Confidentiality N and extra codes from TRE_A07 only (DMP-08, PDSM-05).</summary>
    public const string Dmp08 = "DUI-DMP-08";

    /// <summary>DocumentReference context (period, facility type, practice setting) and format from the value sets (PDSM-04).</summary>
    public const string Dmp11 = "DUI-DMP-11";

    /// <summary>Complete SubmissionSet List (PDSM-06).</summary>
    public const string Dmp12 = "DUI-DMP-12";

    /// <summary>Every resource validates against the pinned PDSm, MHD and FR Core profiles with 0 errors (PDSM-12).</summary>
    public const string Dmp15 = "DUI-DMP-15";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Dmp08, Dmp11, Dmp12, Dmp15];
}

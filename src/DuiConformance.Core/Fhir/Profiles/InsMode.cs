namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>Which INS OIDs are acceptable (domain.md §2.3, §8.1 INS-02).</summary>
public enum InsMode
{
    /// <summary>Unknown environment: only a mix of production and test OIDs in one resource is reported.</summary>
    Unspecified,

    /// <summary>Production: only INS-NIR <c>.8</c> and INS-NIA <c>.9</c>; <c>.10</c>/<c>.11</c> are errors.</summary>
    Production,

    /// <summary>Test or demonstration: every INS OID is accepted (mixes are still reported).</summary>
    Test,
}

namespace DuiConformance.Core.Requirements;

/// <summary>
/// How binding a requirement is (RFC 2119 words, written in upper case in <c>requirements.csv</c>). Only
/// <see cref="Shall"/> requirements decide the overall outcome of a run (STYLE.md rule 13).
/// </summary>
public enum RequirementLevel
{
    /// <summary>Mandatory for Ségur referencing: a failed check makes the run fail and blocks the eligibility rules that need it.</summary>
    Shall,

    /// <summary>Recommended: reported, and read by eligibility rules, but never fails the run.</summary>
    Should,

    /// <summary>Optional: reported for information only; never fails the run.</summary>
    May,
}

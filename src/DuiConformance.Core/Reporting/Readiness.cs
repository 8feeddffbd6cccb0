namespace DuiConformance.Core.Reporting;

/// <summary>
/// The answer to "Prêt pour le référencement ?" on the first screen: read from the overall outcome and the
/// SHALL requirements, so a requirement that no check proved in this run keeps the answer at "not yet" even when
/// every check that ran passed (the exit code only speaks for the checks that ran).
/// </summary>
internal enum Readiness
{
    /// <summary>Every mandatory requirement was checked and met.</summary>
    Yes,

    /// <summary>Nothing failed, but some mandatory requirements are not proven.</summary>
    NotYet,

    /// <summary>A mandatory requirement failed.</summary>
    No,

    /// <summary>The harness failed: the run says nothing about the DUI.</summary>
    Undetermined,

    /// <summary>No mandatory requirement applies (all omitted).</summary>
    NothingApplicable,
}

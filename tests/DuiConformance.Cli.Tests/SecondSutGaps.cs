namespace DuiConformance.Cli.Tests;

/// <summary>
/// What the second SUT (tests/DuiConformance.SecondSut) honestly does not do, as both its hooks run and its manual run
/// must show: it was written before the PSC-token SMTP check (DUI-SEC-03) and the PDSm profile checks (DUI-DMP-11, -12,
/// -15) joined dlu-share, and its METADATA.XML is minimal (no CI-SIS XDS metadata, DUI-MSS-05 mss.xdm.metadata).
/// </summary>
internal static class SecondSutGaps
{
    /// <summary>How many checks dlu-share judges.</summary>
    public const int DluShareChecks = 19;

    /// <summary>The dlu-share checks the second SUT fails.</summary>
    public static readonly string[] FailingDluShareChecks =
        ["mss.auth.psc-token", "fhir.iti65.context-value-sets", "fhir.iti65.submission-set", "fhir.iti65.profile-validation", "mss.xdm.metadata"];
}

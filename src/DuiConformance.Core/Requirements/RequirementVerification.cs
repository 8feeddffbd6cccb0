namespace DuiConformance.Core.Requirements;

/// <summary>How the harness proves a requirement (the <c>verification</c> column of <c>requirements.csv</c>).</summary>
public enum RequirementVerification
{
    /// <summary>Checks judge recorded evidence: the requirement's outcome is rolled up from them.</summary>
    Automated,

    /// <summary>A person judges it (a manual driver step); without that judgement the requirement stays "not proven".</summary>
    Manual,

    /// <summary>The harness does not test it; <see cref="Requirement.NotTestedReason"/> says why.</summary>
    NotTested,
}

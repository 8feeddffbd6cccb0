namespace DuiConformance.Cli;

/// <summary>The process exit codes of <c>dui-conformance</c> (DESIGN.md §3), relied on by CI scripts.</summary>
public static class ExitCodes
{
    /// <summary>Every applicable required check passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one required check failed or could not be proven.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown option, unknown defect or scenario).</summary>
    public const int Usage = 2;

    /// <summary>The harness itself failed (outcome <c>error</c>): not the DUI's fault, re-run or report a bug.</summary>
    public const int HarnessError = 3;
}

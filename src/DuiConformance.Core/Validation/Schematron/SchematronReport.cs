namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// The outcome of running one compiled schematron over one document: the failed asserts and successful reports, how
/// many rules fired, and the expressions that could not be evaluated (a dynamic XPath error is recorded, never thrown).
/// </summary>
/// <param name="Phase">The phase that was run, or <c>#ALL</c>.</param>
/// <param name="Results">Failed asserts and successful reports in the order they were produced (pattern, rule, node).</param>
/// <param name="FiredRules">Number of (rule, node) firings, as SVRL <c>fired-rule</c> elements would count them.</param>
/// <param name="EvaluationErrors">Expressions that raised an XPath error on this document, with the message.</param>
public sealed record SchematronReport(
    string Phase,
    IReadOnlyList<SchematronResult> Results,
    int FiredRules,
    IReadOnlyList<string> EvaluationErrors)
{
    /// <summary>The failed asserts only.</summary>
    public IEnumerable<SchematronResult> FailedAsserts => Results.Where(r => r.Kind == SchematronResultKind.FailedAssert);

    /// <summary>True when no failed assert and no successful report stands for an error, and everything evaluated.</summary>
    public bool IsValid => EvaluationErrors.Count == 0 && !Results.Any(r => r.IsError);
}

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// One SVRL-like result: a failed <c>assert</c> or a successful <c>report</c> of a fired rule, with where it fired.
/// </summary>
/// <param name="Kind">Failed assert or successful report.</param>
/// <param name="PatternId">Id of the pattern (the instance id for an abstract-pattern instance).</param>
/// <param name="RuleContext">The rule's context expression after parameter substitution, as in SVRL <c>fired-rule/@context</c>.</param>
/// <param name="AssertionId">The assert/report <c>@id</c>, when the schematron gives one.</param>
/// <param name="Role">The <c>@role</c> (CI-SIS uses error, warning, info); <c>null</c> when absent, which CI-SIS treats as an error.</param>
/// <param name="Test">The test expression after parameter substitution, as in SVRL <c>@test</c>.</param>
/// <param name="Location">The node the rule fired on, in the ph-schematron SVRL form (<c>/*:a[namespace-uri()='…'][1]/…</c>).</param>
/// <param name="Text">The message with its <c>value-of</c> and <c>name</c> parts filled in, whitespace normalised.</param>
/// <param name="Line">1-based line of the node, when known.</param>
/// <param name="Column">1-based column of the node, when known.</param>
public sealed record SchematronResult(
    SchematronResultKind Kind,
    string PatternId,
    string RuleContext,
    string? AssertionId,
    string? Role,
    string Test,
    string Location,
    string Text,
    int? Line,
    int? Column)
{
    /// <summary>
    /// Whether the result stands for an error: CI-SIS marks warnings and information with <c>role="warning"</c> or
    /// <c>role="info"</c>; any other role, or none, is an error.
    /// </summary>
    public bool IsError => Role is null
        || !(Role.Equals("warning", StringComparison.OrdinalIgnoreCase)
            || Role.Equals("info", StringComparison.OrdinalIgnoreCase)
            || Role.Equals("information", StringComparison.OrdinalIgnoreCase));
}

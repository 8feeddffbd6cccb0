using Wmhelp.XPath2;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// A compiled concrete rule: the expression that selects the nodes its context matches (evaluated once per document),
/// its <c>let</c> variables in order, and its asserts and reports (abstract rules pulled in by <c>extends</c> included).
/// </summary>
internal sealed record SchematronRule(
    string Context,
    XPath2Expression Match,
    IReadOnlyList<SchematronLet> Lets,
    IReadOnlyList<SchematronAssertion> Assertions);

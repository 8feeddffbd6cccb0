using Wmhelp.XPath2;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>A compiled <c>assert</c> (fails when its test is false) or <c>report</c> (fires when its test is true).</summary>
internal sealed record SchematronAssertion(
    bool IsReport,
    string? Id,
    string? Role,
    string TestText,
    XPath2Expression Test,
    IReadOnlyList<SchematronMessagePart> Message);

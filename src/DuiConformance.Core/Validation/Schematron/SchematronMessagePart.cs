using Wmhelp.XPath2;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>One piece of an assert/report message: literal text, or an expression whose value (or name) is inserted.</summary>
/// <param name="Literal">The text, for a literal part.</param>
/// <param name="Expression">The compiled <c>value-of/@select</c> or <c>name/@path</c>, for a computed part.</param>
/// <param name="IsName">True for <c>name</c>: insert the node's name rather than its string value.</param>
internal sealed record SchematronMessagePart(string? Literal, XPath2Expression? Expression, bool IsName);

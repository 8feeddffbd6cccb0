using Wmhelp.XPath2;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>A compiled <c>let</c>: a variable name and the expression giving its value in its scope.</summary>
internal sealed record SchematronLet(string Name, XPath2Expression Value);

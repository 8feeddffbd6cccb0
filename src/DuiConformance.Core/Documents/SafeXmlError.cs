namespace DuiConformance.Core.Documents;

/// <summary>Why an XML document was refused (in French, for the report) and where, when the parser knew.</summary>
/// <param name="Message">French explanation: malformed, DTD refused, too deep, too large.</param>
/// <param name="Line">1-based line of the problem, when known.</param>
/// <param name="Column">1-based column of the problem, when known.</param>
public sealed record SafeXmlError(string Message, int? Line, int? Column);

namespace DuiConformance.Core.Documents;

/// <summary>A part that should have been a CDA document (an XML Binary, an XML file under IHE_XDM/) but could not be read.</summary>
/// <param name="Source">Where it was.</param>
/// <param name="Error">Why it was refused.</param>
public sealed record CdaReadFailure(CdaSource Source, SafeXmlError Error);

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>A FHIR package as its <c>package.json</c> describes it: id, version and the dependencies it declares.</summary>
/// <param name="Name">Package id, e.g. <c>ans.fhir.fr.pdsm</c>.</param>
/// <param name="Version">Package version, e.g. <c>3.1.1</c>.</param>
/// <param name="Dependencies">Declared dependencies (id, version).</param>
/// <param name="Source">Where it was read from (file or folder path).</param>
public sealed record FhirPackageInfo(string Name, string Version, IReadOnlyList<(string Name, string Version)> Dependencies, string Source);

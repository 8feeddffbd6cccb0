namespace DuiConformance.Core.Validation;

/// <summary>What <see cref="DocumentValidator"/> checks beyond the built-in rules.</summary>
/// <param name="SchematronPath">A folder of CI-SIS schematrons (or one .sch file); <c>null</c> runs no schematron.</param>
/// <param name="SchemaFolder">A folder holding the CDA R2 XSD (CDA_extended.xsd or CDA.xsd); <c>null</c> runs no XSD validation.</param>
/// <param name="FhirPackages">Official FHIR packages (<c>package.tgz</c> or package folders) loaded next to our profiles/fhir definitions for FHIR files.</param>
/// <param name="InsMode">Which INS OIDs FHIR Patients may carry (<c>validate --ins-mode</c>, domain.md §2.3, §10).</param>
public sealed record ValidationOptions(string? SchematronPath = null, string? SchemaFolder = null, IReadOnlyList<string>? FhirPackages = null, Fhir.Profiles.InsMode InsMode = Fhir.Profiles.InsMode.Unspecified);

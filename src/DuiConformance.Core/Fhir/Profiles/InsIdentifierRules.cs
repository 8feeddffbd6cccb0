using DuiConformance.Core.Checks.Ins;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// INS rules on FHIR Patients that FHIRPath cannot express well (domain.md §2.2–2.3, §8.1 INS-01/02): the NIR key of
/// every identifier whose system is an INS OID, test or demonstration OIDs in production, and production and test
/// OIDs mixed in one Patient.
/// </summary>
public static class InsIdentifierRules
{
    private const string OidPrefix = "urn:oid:";

    /// <summary>The issues of one Patient node.</summary>
    public static IEnumerable<ProfileIssue> Check(InstanceNode patient, InsMode mode)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.Value is not Patient)
        {
            yield break;
        }

        var production = false;
        var test = false;
        foreach (var identifier in patient.Children("identifier"))
        {
            var value = (Identifier)identifier.Value;
            var oid = value.System is { } system && system.StartsWith(OidPrefix, StringComparison.Ordinal) ? system[OidPrefix.Length..] : null;
            if (oid is null || !InsPerson.Oids.Contains(oid, StringComparer.Ordinal))
            {
                continue;
            }

            var isProduction = InsPerson.ProductionOids.Contains(oid, StringComparer.Ordinal);
            production |= isProduction;
            test |= !isProduction;
            if (InsMatricule.Validate(value.Value) is { } problem)
            {
                yield return Issue(FhirProfileFindings.InsKey, identifier.Path + ".value", $"Matricule INS {value.Value} ({oid}) : {problem}.");
            }

            if (!isProduction && mode == InsMode.Production)
            {
                yield return Issue(FhirProfileFindings.InsTestOid, identifier.Path + ".system", $"OID INS de test ou de démonstration {oid} en production (seuls 1.2.250.1.213.1.4.8 et .9 sont admis).");
            }
        }

        if (production && test)
        {
            yield return Issue(FhirProfileFindings.InsTestOid, patient.Path + ".identifier", "OID INS de production et de test mélangés dans le même Patient.");
        }
    }

    private static ProfileIssue Issue(FindingDefinition definition, string path, string message) =>
        new(definition, path, "Patient.identifier", message, null, "Patient");
}

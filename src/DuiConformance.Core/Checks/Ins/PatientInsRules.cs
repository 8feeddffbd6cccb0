using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// INS-11: a FHIR Patient carrying an INS follows the main constraints of <c>fr-core-patient-ins</c> (domain.md §2.3,
/// §2.4): identityReliability with a status, INS-NIR/test/demo identifiers with <c>use=official</c> and INS-NIA with
/// <c>use=temp</c>, gender, birthDate, birthPlace with an INSEE code, and officialName with exactly one given name plus
/// the birth-list-given-name extension.
/// </summary>
public static class PatientInsRules
{
    /// <summary>Judges every top-level Patient with an INS in the recorded ITI-65 bundles.</summary>
    public static CheckResult Profile(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var bundle in Iti65BundleReader.ReadAll(evidence))
        {
            foreach (var (index, patient) in bundle.EntriesOf<Patient>())
            {
                var ins = InsEmissionReader.InsIdentifiers(patient);
                if (ins.Count == 0)
                {
                    continue;
                }

                judged.Add(bundle.Item.Id);
                void Fail(string path, string message) => findings.Add(InsFindings.PatientInsProfile.At(bundle.AtEntry(index, path), message));
                if (InsEmissionReader.Status(patient) is null)
                {
                    Fail("Patient.extension('fr-core-identity-reliability')", "Patient portant une INS sans statut d'identité (identityReliability) : obligatoire (1..*).");
                }

                foreach (var identifier in ins)
                {
                    var nia = identifier.System == "urn:oid:1.2.250.1.213.1.4.9";
                    var expected = nia ? Identifier.IdentifierUse.Temp : Identifier.IdentifierUse.Official;
                    if (identifier.Use != expected)
                    {
                        Fail("Patient.identifier.use", $"Identifiant INS {identifier.System} avec use={identifier.Use?.ToString() ?? "absent"} : attendu {(nia ? "temp (INS-NIA)" : "official")}.");
                    }
                }

                if (patient.Gender is null)
                {
                    Fail("Patient.gender", "Patient portant une INS sans sexe (gender 1..1).");
                }

                if (string.IsNullOrEmpty(patient.BirthDate))
                {
                    Fail("Patient.birthDate", "Patient portant une INS sans date de naissance.");
                }

                var birthPlace = (patient.Extension.FirstOrDefault(extension => extension.Url == "http://hl7.org/fhir/StructureDefinition/patient-birthPlace")?.Value as Address)?
                    .Extension.Select(extension => extension.Value).OfType<Coding>().FirstOrDefault()?.Code;
                if (string.IsNullOrEmpty(birthPlace))
                {
                    Fail("Patient.extension('birthPlace')", "Patient portant une INS sans lieu de naissance codé INSEE (birthPlace 1..1).");
                }

                var official = patient.Name.Where(name => name.Use == HumanName.NameUse.Official).ToList();
                if (official.Count != 1)
                {
                    Fail("Patient.name.where(use='official')", $"Patient portant une INS avec {official.Count} nom(s) officiel(s) : exactement un attendu.");
                }
                else if (!official[0].Extension.Any(extension => extension.Url == InsEmissionReader.BirthListGivenNameUrl))
                {
                    Fail("Patient.name.where(use='official').extension('birth-list-given-name')", "Nom officiel sans l'extension birth-list-given-name (liste complète des prénoms de naissance).");
                }
            }
        }

        return judged.Count == 0
            ? CheckResult.Skip("Aucun Patient FHIR portant une INS n'a été reçu (ITI-65).")
            : CheckResult.FromFindings(findings, [.. judged.Distinct(StringComparer.Ordinal)]);
    }
}

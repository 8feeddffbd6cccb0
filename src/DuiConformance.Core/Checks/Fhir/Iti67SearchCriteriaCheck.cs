using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-67 queries carry the patient and the status (PDSM-09, DUI-DMP-14).</summary>
public sealed class Iti67SearchCriteriaCheck : ICheck
{
    /// <summary>The interaction property of an ITI-67 request.</summary>
    public const string Interaction = "ITI-67";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti67.search-criteria",
        TitleFr: "ITI-67 : recherche par patient et statut",
        TitleEn: "ITI-67: search by patient and status",
        Verifies: [DmpRequirementIds.Dmp14],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Chaque recherche ITI-67 (`GET [base]/DocumentReference?…`) reçue par le simulateur porte `patient` ou
            `patient.identifier` **et** `status`, chacun avec une valeur.

            Source : PDSm st_recherche_fiche.md, IHE MHD ITI-67 (domain.md §3.4, §8.4 **PDSM-09**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        var requests = FhirRequestQuery.Requests(evidence, Interaction);
        if (requests.Count == 0)
        {
            return CheckResult.Skip("Aucune recherche ITI-67 reçue par le simulateur PDSm.");
        }

        var findings = new List<Finding>();
        foreach (var request in requests)
        {
            var parameters = FhirRequestQuery.Parameters(request);
            var patient = parameters.Any(p => p.Name is "patient" or "patient.identifier" && p.Value.Length > 0);
            var status = parameters.Any(p => p.Name == "status" && p.Value.Length > 0);
            if (!patient || !status)
            {
                var missing = string.Join(" et ", new[] { patient ? null : "patient (ou patient.identifier)", status ? null : "status" }.OfType<string>());
                findings.Add(DmpFindings.SearchCriteria.At(new FindingLocation(request.Id, null, "DocumentReference?"),
                    $"La recherche ITI-67 « {request.Property(FhirProperties.Path)} » ne porte pas {missing}."));
            }
        }

        return CheckResult.FromFindings(findings, [.. requests.Select(request => request.Id)]);
    }
}

using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>The DUI asks the DMP status before feeding, and feeds only an open DMP without opposition (DMP-09, DUI-DMP-09).</summary>
public sealed class DmpFeedingStatusCheck : ICheck
{
    /// <summary>The interactions that feed the DMP.</summary>
    private static readonly string[] Feeding = [Iti65BundleReader.Interaction, "ITI-105"];

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "dmp.feeding.status",
        TitleFr: "DMP : état du dossier vérifié avant alimentation, pas d'alimentation d'un DMP absent, fermé ou refusé",
        TitleEn: "DMP: status asked before feeding, no feeding of an absent, closed or opposed DMP",
        Verifies: [DmpRequirementIds.Dmp09],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.FhirResponse],
        Description: """
            Pour chaque alimentation du DMP (ITI-65, ITI-105) dont le patient porte un INS :
            - une recherche de l'état du DMP par cet INS (`GET [base]/Patient?identifier=…|<INS>`, TD0.2 de PDSm4DMP)
              a été faite avant ;
            - la dernière réponse à cette recherche montrait un DMP présent (searchset non vide), ouvert
              (`Patient.active` différent de false) et sans opposition de l'usager à l'alimentation.

            Une recherche montrant un DMP absent, fermé ou refusé, sans alimentation ensuite, est conforme.
            Source : DMPi TD0.2, PDSm4DMP (brouillon), règles de consentement (domain.md §3.4, §3.6, §8.3 **DMP-09**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var queries = FhirRequestQuery.Requests(evidence, DmpPatientStatus.Interaction)
            .Select(request => (Request: request, Ins: QueriedIns(request), State: StateOf(evidence, request)))
            .Where(query => query.Ins is not null)
            .ToList();
        var feeds = evidence.OfKind(EvidenceKinds.FhirRequest)
            .Where(item => Feeding.Contains(item.Property(FhirProperties.Interaction), StringComparer.OrdinalIgnoreCase))
            .OrderBy(item => item.RecordedAt)
            .Select(item => (Request: item, Ins: InsOf(Iti65BundleReader.Read(item, evidence.Content(item)).Resource)))
            .Where(feed => feed.Ins.Count > 0)
            .ToList();
        if (queries.Count == 0 && feeds.Count == 0)
        {
            return CheckResult.Skip("Aucune recherche de l'état du DMP ni alimentation d'un DMP identifié par INS.");
        }

        var findings = new List<Finding>();
        foreach (var (request, insList) in feeds)
        {
            foreach (var ins in insList)
            {
                var at = new FindingLocation(request.Id, null, "Patient.identifier");
                var last = queries.LastOrDefault(query => query.Ins == ins && query.Request.RecordedAt <= request.RecordedAt);
                if (last.Request is null)
                {
                    findings.Add(DmpFindings.FeedingStatus.At(at,
                        $"Le DMP de l'INS {ins} est alimenté ({request.Property(FhirProperties.Interaction)}) sans que son état ait été demandé avant (TD0.2)."));
                }
                else if (last.State != "ouvert")
                {
                    findings.Add(DmpFindings.FeedingStatus.At(at,
                        $"Le DMP de l'INS {ins} est alimenté ({request.Property(FhirProperties.Interaction)}) alors que sa recherche répondait : {last.State}."));
                }
            }
        }

        return CheckResult.FromFindings(findings, [.. queries.Select(query => query.Request.Id), .. feeds.Select(feed => feed.Request.Id)]);
    }

    private static string? QueriedIns(EvidenceItem request)
    {
        var identifier = FhirRequestQuery.Parameters(request).FirstOrDefault(parameter => parameter.Name == "identifier").Value;
        var bar = identifier?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && bar < identifier!.Length - 1 ? identifier[(bar + 1)..] : null;
    }

    /// <summary>What the DMP answered, in French: "ouvert", "absent", "fermé", "opposition de l'usager" or "inconnu (…)".</summary>
    private static string StateOf(EvidenceSet evidence, EvidenceItem request)
    {
        var response = FhirRequestQuery.ResponseTo(evidence, request);
        if (response is null || response.Property(FhirProperties.Status) != "200")
        {
            return $"inconnu (HTTP {response?.Property(FhirProperties.Status) ?? "sans réponse"})";
        }

        if (Iti65BundleReader.Read(response, evidence.Content(response)).Resource is not Bundle bundle)
        {
            return "inconnu (réponse illisible)";
        }

        var patient = bundle.Entry.Select(entry => entry.Resource).OfType<Patient>().FirstOrDefault();
        if (patient is null)
        {
            return "absent";
        }

        if (patient.Active == false)
        {
            return "fermé";
        }

        return patient.GetExtension(DmpPatientStatus.OppositionExtension)?.Value is FhirBoolean { Value: true } ? "opposition de l'usager" : "ouvert";
    }

    /// <summary>The INS matricules a feeding request names: Patient entries or contained Patients, logical subject identifiers.</summary>
    private static List<string> InsOf(Resource? resource)
    {
        var resources = new List<Resource>();
        if (resource is Bundle bundle)
        {
            resources.AddRange(bundle.Entry.Select(entry => entry.Resource).OfType<Resource>());
        }
        else if (resource is not null)
        {
            resources.Add(resource);
        }

        var identifiers = new List<Identifier>();
        foreach (var item in resources)
        {
            if (item is Patient patient)
            {
                identifiers.AddRange(patient.Identifier);
            }
            else if (item is DocumentReference document)
            {
                identifiers.AddRange(document.Contained.OfType<Patient>().SelectMany(contained => contained.Identifier));
                if (document.Subject?.Identifier is { } logical)
                {
                    identifiers.Add(logical);
                }
            }
        }

        return [.. identifiers
            .Where(identifier => identifier.System is { } system && DmpPatientStatus.InsSystems.Contains(system, StringComparer.Ordinal))
            .Select(identifier => identifier.Value)
            .OfType<string>()
            .Where(value => value.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }
}

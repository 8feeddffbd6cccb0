using System.Globalization;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// ITI-105 simplified publish (PDSm_SimplifiedPublish, domain.md §3.4, §8.4 PDSM-08): a DocumentReference POSTed alone
/// with its document inline (<c>attachment.data</c>, no <c>url</c>), status current, the ITI-65 DocumentReference
/// metadata and attachment rules where they apply, and a 201 answer with an id.
/// </summary>
/// <remarks>
/// Linked to DUI-DMP-14, the catalogue's requirement that names ITI-105 (profiles/requirements/catalogue-dmp.csv).
/// The reused metadata rules (<see cref="DocumentReferenceRules"/>, <see cref="AttachmentIntegrityRules"/>) keep their
/// own finding code in the message; the finding raised here carries an FHIR-561x code of DUI-DMP-14.
/// </remarks>
public sealed class Iti105SimplifiedPublishCheck : ICheck
{
    /// <summary>The interaction property value of an ITI-105 request.</summary>
    public const string Interaction = "ITI-105";

    /// <summary>Attachment rules of ITI-65 that do not apply to ITI-105: size and hash are optional there (the server computes them), and the bytes are always inline.</summary>
    private static readonly string[] NotApplicable = [FhirFindings.SizeMissing.Code, FhirFindings.HashMissing.Code, FhirFindings.IntegrityUnverifiable.Code];

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti105.simplified-publish",
        TitleFr: "PDSm ITI-105 : publication simplifiée (data présent, url absent, status current, métadonnées, 201)",
        TitleEn: "PDSm ITI-105: simplified publish (data present, url absent, status current, metadata, 201)",
        Verifies: [DmpRequirementIds.Dmp14],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.FhirResponse],
        Description: """
            Pour chaque requête ITI-105 (`POST [base]/DocumentReference`) :
            - le corps est une DocumentReference lisible ;
            - `status` vaut `current` ;
            - chaque `content.attachment` porte `data` (le document en base64) et pas d'`url` ;
            - `size` et `hash` (SHA-1), s'ils sont déclarés, décrivent exactement `data` ;
            - les règles de métadonnées des DocumentReference ITI-65 s'appliquent (masterIdentifier, type, category,
              custodian, date, author, subject ; contentType, title et language de l'attachment) ;
            - le DMP simulé a répondu 201 avec une ressource identifiée (`id`).
            Exigence : DUI-DMP-14 (le catalogue n'a pas d'exigence propre à ITI-105).
            Source : PDSm_SimplifiedPublish, st_ajout_simplifie.md (domain.md §3.4, §8.4 **PDSM-08**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var requests = FhirRequestQuery.Requests(evidence, Interaction);
        if (requests.Count == 0)
        {
            return CheckResult.Skip("Aucune publication simplifiée ITI-105.");
        }

        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var request in requests)
        {
            judged.Add(request.Id);
            var read = Iti65BundleReader.Read(request, evidence.Content(request));
            if (read.Resource is not DocumentReference document)
            {
                findings.Add(PdsmFindings.SimplifiedNotDocumentReference.At(new FindingLocation(request.Id, null, null),
                    $"Le corps de la requête ITI-105 n'est pas une DocumentReference lisible ({read.Error ?? read.Resource?.TypeName ?? "vide"})."));
                continue;
            }

            findings.AddRange(Judge(request, document));
            if (FhirRequestQuery.ResponseTo(evidence, request) is { } response)
            {
                judged.Add(response.Id);
                findings.AddRange(JudgeResponse(evidence, request, response));
            }
        }

        return CheckResult.FromFindings(findings, judged);
    }

    /// <summary>Every finding for one ITI-105 DocumentReference (the request side).</summary>
    public static IReadOnlyList<Finding> Judge(EvidenceItem request, DocumentReference document)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        for (var index = 0; index < document.Content.Count; index++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"DocumentReference.content[{index}].attachment");
            var attachment = document.Content[index]?.Attachment;
            if (attachment?.Data is not { Length: > 0 })
            {
                findings.Add(PdsmFindings.SimplifiedAttachment.At(new FindingLocation(request.Id, null, path + ".data"),
                    "attachment.data absent : ITI-105 transmet le document dans la ressource (data 1..1)."));
            }

            if (!string.IsNullOrEmpty(attachment?.Url))
            {
                findings.Add(PdsmFindings.SimplifiedAttachment.At(new FindingLocation(request.Id, null, path + ".url"),
                    $"attachment.url présent (« {attachment.Url} ») : interdit en ITI-105 (url 0..0)."));
            }
        }

        if (document.Content.Count == 0)
        {
            findings.Add(PdsmFindings.SimplifiedAttachment.At(new FindingLocation(request.Id, null, "DocumentReference.content"),
                "Aucun content : ITI-105 exige le document dans content.attachment.data."));
        }

        // Note: the ITI-65 rules read a Bundle; the DocumentReference alone becomes the only entry of one, and the
        // locations they give (Bundle.entry[0].resource.x) are mapped back to DocumentReference.x.
        var wrapped = new Iti65Bundle(request, new Bundle { Type = Bundle.BundleType.Transaction, Entry = [new Bundle.EntryComponent { Resource = document }] }, [], null);
        var reused = (DocumentReferenceRules.Check(wrapped) ?? []).Concat(AttachmentIntegrityRules.Check(wrapped) ?? [])
            .Where(finding => finding.Severity == Severity.Error && !NotApplicable.Contains(finding.Code, StringComparer.Ordinal));
        foreach (var finding in reused)
        {
            var definition = finding.Code == FhirFindings.Status.Code ? PdsmFindings.SimplifiedStatus
                : finding.Code == FhirFindings.SizeMismatch.Code || finding.Code == FhirFindings.HashMismatch.Code ? PdsmFindings.SimplifiedIntegrity
                : PdsmFindings.SimplifiedMetadata;
            var path = finding.Location.Path?.Replace("Bundle.entry[0].resource.", "DocumentReference.", StringComparison.Ordinal);
            findings.Add(definition.At(new FindingLocation(request.Id, null, path), $"{finding.Code} : {finding.Message.Replace("du Binary", "de data", StringComparison.Ordinal)}"));
        }

        return findings;
    }

    private static IEnumerable<Finding> JudgeResponse(EvidenceSet evidence, EvidenceItem request, EvidenceItem response)
    {
        var status = response.Property(FhirProperties.Status);
        if (status != "201")
        {
            // Note: a refusal is the DMP's answer to a request the checks above judge; it is not this check's finding
            // unless the request itself was fine — then the DMP refused for its own reasons (dmp.error-surfaced judges
            // what the user saw), so nothing is raised here.
            yield break;
        }

        if (Iti65BundleReader.Read(response, evidence.Content(response)).Resource is not DocumentReference { Id: { Length: > 0 } })
        {
            yield return PdsmFindings.SimplifiedNotCreated.At(new FindingLocation(response.Id, null, null),
                $"Réponse 201 à la publication ITI-105 {request.Id} sans DocumentReference identifiée (id).");
        }
    }
}

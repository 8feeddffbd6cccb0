using System.Globalization;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// ITI-65 transaction bundle structure (PDSm Comprehensive Provide Document Bundle, domain.md §3.4, §8.4 PDSM-01).
/// </summary>
public static class Iti65BundleRules
{
    /// <summary>Most parser issues listed one by one; the rest are summarised.</summary>
    public const int MaxListedIssues = 10;

    /// <summary>Every structural finding for one request.</summary>
    public static IReadOnlyList<Finding> Check(Iti65Bundle request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findings = new List<Finding>();
        findings.AddRange(Endpoint(request));
        findings.AddRange(request.Issues.Take(MaxListedIssues).Select(issue =>
            FhirFindings.ParseIssue.At(request.At("Bundle"), $"Problème signalé par l'analyseur FHIR : {issue}")));
        if (request.Issues.Count > MaxListedIssues)
        {
            findings.Add(FhirFindings.ParseIssue.At(request.At("Bundle"), $"… et {request.Issues.Count - MaxListedIssues} autre(s) problème(s) d'analyse."));
        }

        if (request.Bundle is not { } bundle)
        {
            findings.Add(FhirFindings.NotTransaction.At(request.At(request.Resource?.TypeName ?? "Bundle"), $"Le corps est une ressource {request.Resource?.TypeName} et non un Bundle de type transaction."));
            return findings;
        }

        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            findings.Add(FhirFindings.NotTransaction.At(request.At("Bundle.type"), $"Bundle.type vaut « {bundle.TypeElement?.JsonValue ?? "absent"} » au lieu de « transaction »."));
        }

        var submissionSets = request.EntriesOf<List>().Where(pair => IsSubmissionSet(pair.Resource)).ToList();
        if (submissionSets.Count != 1)
        {
            findings.Add(FhirFindings.SubmissionSetCount.At(
                submissionSets.Count == 0 ? request.At("Bundle.entry") : request.AtEntry(submissionSets[1].Index),
                $"Le Bundle contient {submissionSets.Count} List SubmissionSet : exactement une est attendue (profil, List.code « submissionset » ou extension ihe-sourceId)."));
        }

        var documents = request.EntriesOf<DocumentReference>();
        if (documents.Count == 0)
        {
            findings.Add(FhirFindings.NoDocumentReference.At(request.At("Bundle.entry"), "Le Bundle ne contient aucune DocumentReference."));
        }

        var referencedBinaries = new HashSet<int>();
        foreach (var (index, document) in documents)
        {
            for (var content = 0; content < document.Content.Count; content++)
            {
                var url = document.Content[content]?.Attachment?.Url;
                var path = string.Create(CultureInfo.InvariantCulture, $"content[{content}].attachment.url");
                if (url is null || !url.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(FhirFindings.AttachmentBinary.At(request.AtEntry(index, path), $"attachment.url « {url} » n'est pas une référence urn:uuid: vers un Binary du Bundle."));
                }
                else if (request.BinaryAt(url) is { } binary)
                {
                    referencedBinaries.Add(binary.Index);
                }
                else
                {
                    findings.Add(FhirFindings.AttachmentBinary.At(request.AtEntry(index, path), $"attachment.url « {url} » ne correspond au fullUrl d'aucun Binary du Bundle."));
                }
            }
        }

        var replaces = documents.Any(pair => pair.Resource.RelatesTo.Any(relation => relation.Code == DocumentRelationshipType.Replaces));
        foreach (var (index, entry) in request.Entries)
        {
            if (entry?.Request is null)
            {
                findings.Add(FhirFindings.EntryMethod.At(request.AtEntry(index, "request"), "Entrée sans request : chaque entrée d'une transaction ITI-65 doit être un POST."));
            }
            else if (entry.Request.Method != Bundle.HTTPVerb.POST && !IsSupersedePatch(entry.Request, replaces))
            {
                findings.Add(FhirFindings.EntryMethod.At(request.AtEntry(index, "request.method"), $"request.method vaut « {entry.Request.MethodElement?.JsonValue ?? "absent"} » au lieu de « POST »."));
            }
        }

        foreach (var (index, _) in request.EntriesOf<Binary>().Where(pair => !referencedBinaries.Contains(pair.Index)))
        {
            findings.Add(FhirFindings.OrphanBinary.At(request.AtEntry(index), "Binary référencé par aucune DocumentReference (content.attachment.url)."));
        }

        return findings;
    }

    /// <summary>
    /// True when a List is the SubmissionSet: an MHD/PDSm SubmissionSet profile, List.code <c>submissionset</c>, or the
    /// <c>ihe-sourceId</c> extension (IHE MHD §4.65; Folders use List.code <c>folder</c>).
    /// </summary>
    public static bool IsSubmissionSet(List list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return (list.Meta?.Profile?.Any(profile => profile is not null && profile.Contains("SubmissionSet", StringComparison.OrdinalIgnoreCase)) ?? false)
            || (list.Code?.Coding?.Any(coding => string.Equals(coding.Code, "submissionset", StringComparison.OrdinalIgnoreCase)) ?? false)
            || list.Extension.Any(extension => extension.Url?.EndsWith("ihe-sourceId", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    /// <summary>
    /// A PATCH of the replaced DocumentReference inside a replacement bundle. Note: the PDSm replacement example and
    /// PDSm4DMP TD2.1 (domain.md §3.4) mark the old DocumentReference superseded with a PATCH entry next to the new
    /// DocumentReference carrying relatesTo.code=replaces; that one non-POST entry is accepted.
    /// </summary>
    private static bool IsSupersedePatch(Bundle.RequestComponent request, bool bundleReplaces) =>
        bundleReplaces
        && request.Method == Bundle.HTTPVerb.PATCH
        && (request.Url?.StartsWith("DocumentReference", StringComparison.Ordinal) ?? false);

    private static IEnumerable<Finding> Endpoint(Iti65Bundle request)
    {
        var method = request.Item.Property(FhirProperties.Method);
        var path = request.Item.Property(FhirProperties.Path) ?? string.Empty;
        var bare = path.Split('?')[0].Trim();
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || bare is not ("" or "/"))
        {
            yield return FhirFindings.Endpoint.At(request.At("Bundle"), $"ITI-65 reçu en « {method} {path} » : attendu « POST [base] » (racine du serveur FHIR).");
        }
    }
}

using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>DocumentReference metadata of ITI-65 bundles (PDSm Comprehensive DocumentReference, domain.md §3.4, §8.4 PDSM-02).</summary>
public static class DocumentReferenceRules
{
    /// <summary>masterIdentifier system for URIs (RFC 3986).</summary>
    public const string UriSystem = "urn:ietf:rfc:3986";

    /// <summary>Every finding for the DocumentReferences of one bundle, or <c>null</c> when it holds none.</summary>
    public static IReadOnlyList<Finding>? Check(Iti65Bundle request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var documents = request.EntriesOf<DocumentReference>();
        if (documents.Count == 0)
        {
            return null;
        }

        var findings = new List<Finding>();
        foreach (var (index, document) in documents)
        {
            findings.AddRange(Check(request, index, document));
        }

        return findings;
    }

    private static IEnumerable<Finding> Check(Iti65Bundle request, int index, DocumentReference document)
    {
        var master = document.MasterIdentifier;
        if (master is null)
        {
            yield return FhirFindings.MasterIdentifierMissing.At(request.AtEntry(index, "masterIdentifier"), "masterIdentifier absent : l'identifiant unique du document est obligatoire.");
        }
        else if (!string.Equals(master.System, UriSystem, StringComparison.Ordinal)
            || master.Value is null
            || !(master.Value.StartsWith("urn:oid:", StringComparison.Ordinal) || master.Value.StartsWith("urn:uuid:", StringComparison.Ordinal)))
        {
            yield return FhirFindings.MasterIdentifierFormat.At(
                request.AtEntry(index, "masterIdentifier"),
                $"masterIdentifier « {master.System} | {master.Value} » : attendu system « {UriSystem} » et une valeur urn:oid: ou urn:uuid:.");
        }

        if (document.Status != DocumentReferenceStatus.Current)
        {
            yield return FhirFindings.Status.At(request.AtEntry(index, "status"), $"status vaut « {document.StatusElement?.JsonValue ?? "absent"} » au lieu de « current ».");
        }

        if (!HasCode(document.Type))
        {
            yield return FhirFindings.Type.At(request.AtEntry(index, "type"), "type absent ou sans code.");
        }

        if (!document.Category.Any(HasCode))
        {
            yield return FhirFindings.Category.At(request.AtEntry(index, "category"), "category absente ou sans code.");
        }

        if (!IsPresent(document.Custodian))
        {
            yield return FhirFindings.Custodian.At(request.AtEntry(index, "custodian"), "custodian absent : la structure responsable du document est obligatoire.");
        }

        if (document.DateElement is null)
        {
            yield return FhirFindings.Date.At(request.AtEntry(index, "date"), "date absente.");
        }

        if (document.Author.Count == 0)
        {
            yield return FhirFindings.Author.At(request.AtEntry(index, "author"), "Aucun author : au moins un auteur (ressource contenue ou référence) est attendu.");
        }

        for (var author = 0; author < document.Author.Count; author++)
        {
            if (Unresolved(request, document, document.Author[author]) is { } reason)
            {
                yield return FhirFindings.Author.At(request.AtEntry(index, $"author[{author}]"), reason);
            }
        }

        if (!IsPresent(document.Subject))
        {
            yield return FhirFindings.Subject.At(request.AtEntry(index, "subject"), "subject absent : le patient du document est obligatoire.");
        }
    }

    private static bool HasCode(CodeableConcept? concept) =>
        concept?.Coding?.Any(coding => !string.IsNullOrWhiteSpace(coding.Code)) ?? false;

    private static bool IsPresent(ResourceReference? reference) =>
        reference is not null && (!string.IsNullOrWhiteSpace(reference.Reference) || reference.Identifier is not null);

    private static string? Unresolved(Iti65Bundle request, DocumentReference document, ResourceReference? author)
    {
        var reference = author?.Reference;
        if (string.IsNullOrWhiteSpace(reference))
        {
            return author?.Identifier is null ? "author sans référence ni identifiant." : null;
        }

        if (reference.StartsWith('#'))
        {
            var id = reference[1..];
            return document.Contained.Any(contained => string.Equals(contained.Id, id, StringComparison.Ordinal))
                ? null
                : $"author « {reference} » ne correspond à aucune ressource contenue (contained).";
        }

        if (reference.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) && request.IndexOfFullUrl(reference) is null)
        {
            return $"author « {reference} » ne correspond au fullUrl d'aucune entrée du Bundle.";
        }

        return null;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// Attachment metadata and integrity of ITI-65 DocumentReferences: contentType, size, SHA-1 hash, title, language
/// (IHE MHD, PDSm; domain.md §3.4, §8.4 PDSM-03).
/// </summary>
public static class AttachmentIntegrityRules
{
    /// <summary>Every finding for the attachments of one bundle, or <c>null</c> when it holds no DocumentReference.</summary>
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
            for (var content = 0; content < document.Content.Count; content++)
            {
                if (document.Content[content]?.Attachment is { } attachment)
                {
                    findings.AddRange(Check(request, index, string.Create(CultureInfo.InvariantCulture, $"content[{content}].attachment"), attachment));
                }
            }
        }

        return findings;
    }

    private static IEnumerable<Finding> Check(Iti65Bundle request, int index, string path, Attachment attachment)
    {
        if (string.IsNullOrWhiteSpace(attachment.ContentType))
        {
            yield return FhirFindings.ContentType.At(request.AtEntry(index, path + ".contentType"), "attachment.contentType absent.");
        }

        var declaredSize = SizeOf(attachment);
        if (declaredSize is null)
        {
            yield return FhirFindings.SizeMissing.At(request.AtEntry(index, path + ".size"), "attachment.size absent.");
        }

        if (attachment.Hash is not { Length: > 0 })
        {
            yield return FhirFindings.HashMissing.At(request.AtEntry(index, path + ".hash"), "attachment.hash absent (SHA-1 du document, en base64).");
        }

        if (string.IsNullOrWhiteSpace(attachment.Title))
        {
            yield return FhirFindings.AttachmentTitle.At(request.AtEntry(index, path + ".title"), "attachment.title absent.");
        }

        if (!string.Equals(attachment.Language, "fr-FR", StringComparison.Ordinal))
        {
            yield return FhirFindings.Language.At(request.AtEntry(index, path + ".language"), $"attachment.language vaut « {attachment.Language ?? "absent"} » au lieu de « fr-FR ».");
        }

        var bytes = request.BinaryAt(attachment.Url)?.Binary.Data ?? attachment.Data;
        if (bytes is null)
        {
            yield return FhirFindings.IntegrityUnverifiable.At(
                request.AtEntry(index, path + ".url"),
                $"Le contenu « {attachment.Url} » n'est pas dans le Bundle : taille et empreinte non vérifiables ici.");
            yield break;
        }

        if (declaredSize is { } size && size != bytes.LongLength)
        {
            yield return FhirFindings.SizeMismatch.At(
                request.AtEntry(index, path + ".size"),
                string.Create(CultureInfo.InvariantCulture, $"attachment.size vaut {size} alors que le Binary fait {bytes.LongLength} octets."));
        }

        if (attachment.Hash is { Length: > 0 } hash)
        {
            var actual = SHA1.HashData(bytes);
            if (!hash.AsSpan().SequenceEqual(actual))
            {
                yield return FhirFindings.HashMismatch.At(
                    request.AtEntry(index, path + ".hash"),
                    $"attachment.hash vaut « {Convert.ToBase64String(hash)} » alors que le SHA-1 du Binary est « {Convert.ToBase64String(actual)} ».");
            }
        }
    }

    /// <summary>
    /// attachment.size as a number. Note: the element is unsignedInt in R4 and integer64 from R5; Firely's <c>Size</c>
    /// property assumes R5 and throws on R4 data, so read the element itself.
    /// </summary>
    private static long? SizeOf(Attachment attachment) => attachment.SizeElement switch
    {
        UnsignedInt unsigned => unsigned.Value,
        Integer64 large => large.Value,
        _ => null,
    };
}

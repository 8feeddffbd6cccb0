using System.Globalization;
using System.Security.Cryptography;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The constraints of PDSm_SimplifiedPublish (PDSm 3.1.1, on IHE.MHD.SimplifiedPublish.DocumentReference; domain.md §3.4,
/// PDSM-08) the simulator enforces before storing an ITI-105 publication: <c>status</c> = current; every
/// <c>content.attachment</c> with <c>data</c>, <c>contentType</c> and <c>title</c> and without <c>url</c>; <c>subject</c>,
/// <c>author</c> (1..), <c>date</c> and <c>custodian</c>; a declared <c>size</c> or <c>hash</c> equal to the data's.
/// </summary>
internal static class SimplifiedPublishRules
{
    /// <summary>Every violation, each with its finding code and FHIRPath; empty when the document can be stored.</summary>
    public static IReadOnlyList<FhirIssue> Check(DocumentReference document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var issues = new List<FhirIssue>();
        if (document.Status != DocumentReferenceStatus.Current)
        {
            issues.Add(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishStatusNotCurrent,
                OperationOutcome.IssueType.Value,
                $"ITI-105 exige status = current (reçu {document.StatusElement?.JsonValue ?? "aucun"}).",
                "DocumentReference.status"));
        }

        Require(issues, document.Subject is not null, "DocumentReference.subject", "le patient (subject)");
        Require(issues, document.Author.Count > 0, "DocumentReference.author", "au moins un auteur (author)");
        Require(issues, document.Date is not null, "DocumentReference.date", "la date de création (date)");
        Require(issues, document.Custodian is not null, "DocumentReference.custodian", "la structure responsable (custodian)");
        if (document.Content.Count == 0)
        {
            issues.Add(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishDataMissing,
                OperationOutcome.IssueType.Required,
                "ITI-105 exige un content avec attachment.data (le document en base64).",
                "DocumentReference.content"));
        }

        for (var index = 0; index < document.Content.Count; index++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"DocumentReference.content[{index}].attachment");
            CheckAttachment(issues, document.Content[index].Attachment, path);
        }

        return issues;
    }

    /// <summary>The base64 SHA-1 of <paramref name="data"/>, as <c>Attachment.hash</c> carries it (FHIR R4 §2.24.0.16).</summary>
    public static byte[] Sha1(byte[] data) => SHA1.HashData(data);

    private static void CheckAttachment(List<FhirIssue> issues, Attachment? attachment, string path)
    {
        if (attachment?.Data is not { Length: > 0 } data)
        {
            issues.Add(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishDataMissing,
                OperationOutcome.IssueType.Required,
                "ITI-105 exige attachment.data (1..1) : le document est transmis dans la ressource.",
                path + ".data"));
        }
        else
        {
            // Note: PDSM-03 — a size or hash the client declares must describe the bytes it sent; the server keeps its own.
            if (SizeOf(attachment) is { } size && size != data.Length)
            {
                issues.Add(new FhirIssue(
                    FhirSimulatorFindings.AttachmentIntegrityMismatch,
                    OperationOutcome.IssueType.Value,
                    string.Create(CultureInfo.InvariantCulture, $"attachment.size vaut {size} mais data contient {data.Length} octets."),
                    path + ".size"));
            }

            if (attachment.Hash is { Length: > 0 } hash && !hash.AsSpan().SequenceEqual(Sha1(data)))
            {
                issues.Add(new FhirIssue(
                    FhirSimulatorFindings.AttachmentIntegrityMismatch,
                    OperationOutcome.IssueType.Value,
                    $"attachment.hash ({Convert.ToBase64String(hash)}) n'est pas le SHA-1 de data ({Convert.ToBase64String(Sha1(data))}).",
                    path + ".hash"));
            }
        }

        if (!string.IsNullOrEmpty(attachment?.Url))
        {
            issues.Add(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishUrlPresent,
                OperationOutcome.IssueType.Invalid,
                "ITI-105 interdit attachment.url (0..0) : le serveur stocke le document et fixe l'URL.",
                path + ".url"));
        }

        Require(issues, !string.IsNullOrWhiteSpace(attachment?.ContentType), path + ".contentType", "le type MIME du document (contentType)");
        Require(issues, !string.IsNullOrWhiteSpace(attachment?.Title), path + ".title", "le titre du document (title)");
    }

    /// <summary>
    /// attachment.size as a number. Note: R4 types it unsignedInt, R5 integer64; Firely's <c>Size</c> property assumes
    /// R5 and throws on what the R4 parser produced, so the element itself is read.
    /// </summary>
    public static long? SizeOf(Attachment attachment) => attachment.SizeElement switch
    {
        UnsignedInt unsigned => unsigned.Value,
        Integer64 large => large.Value,
        _ => null,
    };

    private static void Require(List<FhirIssue> issues, bool present, string path, string what)
    {
        if (!present)
        {
            issues.Add(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishElementMissing,
                OperationOutcome.IssueType.Required,
                $"ITI-105 (PDSm_SimplifiedPublish) exige {what}.",
                path));
        }
    }
}

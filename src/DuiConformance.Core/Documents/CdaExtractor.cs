using System.Globalization;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Finds the CDA documents the DUI sent, on both channels: Binary resources of ITI-65 bundles (base64 data) and XML
/// files inside IHE_XDM.ZIP attachments of MSSanté messages. The XDM scan does not rely on METADATA.XML: it reads
/// every IHE_XDM/**.XML whose root is a ClinicalDocument, so a package without metadata still shows its documents.
/// </summary>
public static class CdaExtractor
{
    /// <summary>All CDA documents of <paramref name="evidence"/>.</summary>
    public static CdaExtraction Extract(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var documents = new List<CdaDocument>();
        var failures = new List<CdaReadFailure>();
        var ids = new List<string>();
        foreach (var bundle in Iti65BundleReader.ReadAll(evidence))
        {
            Collect(FromBundle(bundle), documents, failures, ids, bundle.Item.Id);
        }

        foreach (var item in evidence.OfKind(EvidenceKinds.SmtpMessage))
        {
            var message = MailMessageReader.Read(evidence.Content(item));
            Collect(FromMessage(item.Id, message), documents, failures, ids, item.Id);
        }

        return new CdaExtraction(documents, failures, ids);
    }

    /// <summary>The CDA documents carried as Binary resources of one ITI-65 bundle.</summary>
    public static CdaExtraction FromBundle(Iti65Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var documents = new List<CdaDocument>();
        var failures = new List<CdaReadFailure>();
        foreach (var (index, binary) in bundle.EntriesOf<Hl7.Fhir.Model.Binary>())
        {
            var data = binary.Data;
            if (data is null || !LooksLikeXml(binary.ContentType, data))
            {
                continue;
            }

            var source = new CdaSource(bundle.Item.Id, CdaSource.Iti65, string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}]"));
            Classify(data, source, documents, failures, mustBeCda: true);
        }

        return new CdaExtraction(documents, failures, documents.Count + failures.Count > 0 ? [bundle.Item.Id] : []);
    }

    /// <summary>The CDA documents inside the IHE_XDM.ZIP attachments of one message.</summary>
    public static CdaExtraction FromMessage(string evidenceId, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var documents = new List<CdaDocument>();
        var failures = new List<CdaReadFailure>();
        foreach (var attachment in message.AttachmentsNamed(MailMessageReader.XdmFileName))
        {
            var bytes = MailMessageReader.Decode(attachment, out _);
            if (bytes is null)
            {
                continue;
            }

            var package = XdmPackageReader.Read(bytes.Value);
            foreach (var entry in package.XmlDocuments)
            {
                var source = new CdaSource(evidenceId, CdaSource.Xdm, $"{attachment.FileName}!{entry.Path}");
                Classify(entry.Content, source, documents, failures, mustBeCda: true);
            }
        }

        return new CdaExtraction(documents, failures, documents.Count + failures.Count > 0 ? [evidenceId] : []);
    }

    private static void Classify(ReadOnlyMemory<byte> content, CdaSource source, List<CdaDocument> documents, List<CdaReadFailure> failures, bool mustBeCda)
    {
        var document = SafeXml.TryLoad(content, out var error);
        if (document is null)
        {
            if (mustBeCda)
            {
                failures.Add(new CdaReadFailure(source, error!));
            }

            return;
        }

        // Note: other XML (a stylesheet, a signature) is not a CDA and is simply not judged here.
        if (CdaDocument.IsClinicalDocument(document))
        {
            documents.Add(new CdaDocument(document, source));
        }
    }

    private static bool LooksLikeXml(string? contentType, byte[] data)
    {
        if (contentType is not null && contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var octet in data.AsSpan(0, Math.Min(data.Length, 64)))
        {
            if (octet is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return octet == (byte)'<';
        }

        return false;
    }

    private static void Collect(CdaExtraction part, List<CdaDocument> documents, List<CdaReadFailure> failures, List<string> ids, string id)
    {
        documents.AddRange(part.Documents);
        failures.AddRange(part.Failures);
        if (part.Documents.Count + part.Failures.Count > 0 && !ids.Contains(id, StringComparer.Ordinal))
        {
            ids.Add(id);
        }
    }
}

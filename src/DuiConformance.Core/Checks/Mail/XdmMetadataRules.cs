using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// The METADATA.XML of IHE_XDM.ZIP attachments: ebRIM 3.0 SubmitObjectsRequest structure (one SubmissionSet, stable
/// DocumentEntries, HasMember associations) and the CI-SIS metadata rules of the DMP (IHE ITI TF-3 §4.2.3, §4.2.5;
/// domain.md §3.3, §4.3, §8.3 DMP-03…DMP-08, §8.5 MSS-10).
/// </summary>
public static class XdmMetadataRules
{
    /// <summary>
    /// Every finding for the METADATA.XML of the IHE_XDM.ZIP attachments of one message, or <c>null</c> when it carries
    /// no attachment named IHE_XDM.ZIP (other zips are judged by the layout rules).
    /// </summary>
    public static IReadOnlyList<Finding>? Check(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message is null)
        {
            return [MailFindings.Unreadable.At(new FindingLocation(item.Id), message.Error ?? "Message MIME illisible.")];
        }

        List<Finding>? findings = null;
        foreach (var attachment in message.Attachments.Where(a => string.Equals(a.FileName, MailMessageReader.XdmFileName, StringComparison.OrdinalIgnoreCase)))
        {
            findings ??= [];
            var bytes = MailMessageReader.Decode(attachment, out var error);
            if (bytes is null)
            {
                findings.Add(XdmFindings.MetadataNotAvailable.At(
                    new FindingLocation(item.Id, attachment.Entry),
                    $"Pièce jointe {attachment.FileName} illisible ({error ?? "décodage impossible"}) : métadonnées XDM non vérifiables."));
                continue;
            }

            findings.AddRange(Package(item.Id, attachment.FileName, XdmPackageReader.Read(bytes.Value)));
        }

        return findings;
    }

    /// <summary>Every finding for the METADATA.XML files of <paramref name="package"/>, read from attachment <paramref name="fileName"/>.</summary>
    public static IReadOnlyList<Finding> Package(string evidenceId, string fileName, XdmPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!package.IsZip)
        {
            return [XdmFindings.MetadataNotAvailable.At(new FindingLocation(evidenceId, fileName), $"{fileName} n'est pas une archive zip lisible : métadonnées XDM non vérifiables.")];
        }

        if (package.Metadata.Count == 0)
        {
            return [XdmFindings.MetadataNotAvailable.At(
                new FindingLocation(evidenceId, $"{fileName}!IHE_XDM/<sous-ensemble>/METADATA.XML"),
                "Aucun IHE_XDM/<sous-ensemble>/METADATA.XML dans l'archive : les métadonnées XDS des documents manquent.")];
        }

        var findings = new List<Finding>();
        foreach (var metadata in package.Metadata)
        {
            findings.AddRange(Metadata(evidenceId, fileName, package, metadata));
        }

        return findings;
    }

    private static IReadOnlyList<Finding> Metadata(string evidenceId, string fileName, XdmPackage package, XdmEntry metadata)
    {
        var entryName = $"{fileName}!{metadata.Path}";
        var document = SafeXml.TryLoad(metadata.Content, out var error);
        if (document is null)
        {
            return [XdmFindings.NotSubmitObjectsRequest.At(new FindingLocation(evidenceId, entryName, null, error!.Line, error.Column), $"METADATA.XML illisible : {error.Message}")];
        }

        var root = document.Root!;
        var list = root.Element(EbRim.Rim + "RegistryObjectList");
        if (root.Name != XmlPaths.Lcm + "SubmitObjectsRequest" || list is null)
        {
            var (line, column) = XmlPaths.LineOf(root);
            return [XdmFindings.NotSubmitObjectsRequest.At(
                new FindingLocation(evidenceId, entryName, XmlPaths.Of(root), line, column),
                $"Racine {{{root.Name.NamespaceName}}}{root.Name.LocalName} : attendu lcm:SubmitObjectsRequest (urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0) contenant rim:RegistryObjectList.")];
        }

        var context = new XdmMetadataContext(evidenceId, entryName, package, metadata.Path[..metadata.Path.LastIndexOf('/')], list);
        var findings = new List<Finding>();
        var submissionSet = SubmissionSet(context, findings);
        var entries = DocumentEntries(context, findings);
        string? setPatientId = null;
        if (submissionSet is not null)
        {
            setPatientId = SubmissionSetAttributes(context, submissionSet, findings);
            Members(context, submissionSet, entries, findings);
        }

        foreach (var entry in entries)
        {
            findings.AddRange(XdmDocumentEntryRules.Check(context, entry, setPatientId));
        }

        return findings;
    }

    private static XElement? SubmissionSet(XdmMetadataContext context, List<Finding> findings)
    {
        var list = context.List;
        var classified = list.Elements(EbRim.Rim + "Classification")
            .Where(node => (string?)node.Attribute("classificationNode") == EbRim.SubmissionSetNode)
            .Select(node => (string?)node.Attribute("classifiedObject"))
            .ToHashSet(StringComparer.Ordinal);
        var sets = list.Elements(EbRim.Rim + "RegistryPackage")
            .Where(package => classified.Contains(EbRim.Id(package))
                || package.Elements(EbRim.Rim + "Classification").Any(node => (string?)node.Attribute("classificationNode") == EbRim.SubmissionSetNode))
            .ToList();
        if (sets.Count == 1)
        {
            return sets[0];
        }

        findings.Add(XdmFindings.SubmissionSetCount.At(
            context.At(sets.Count > 1 ? sets[1] : list),
            sets.Count == 0
                ? $"Aucun rim:RegistryPackage classé SubmissionSet (classificationNode {EbRim.SubmissionSetNode}) : le lot de soumission manque."
                : $"{sets.Count} RegistryPackage classés SubmissionSet : un seul est attendu par METADATA.XML."));
        return null;
    }

    private static List<XElement> DocumentEntries(XdmMetadataContext context, List<Finding> findings)
    {
        var entries = new List<XElement>();
        foreach (var extrinsic in context.List.Elements(EbRim.Rim + "ExtrinsicObject"))
        {
            var type = (string?)extrinsic.Attribute("objectType");
            if (string.Equals(type, EbRim.StableDocumentEntry, StringComparison.Ordinal))
            {
                entries.Add(extrinsic);
            }
            else
            {
                findings.Add(XdmFindings.DocumentEntryType.At(
                    context.At(extrinsic),
                    $"ExtrinsicObject {EbRim.Id(extrinsic) ?? "?"} d'objectType « {type ?? "(absent)"} » : un DocumentEntry stable ({EbRim.StableDocumentEntry}) est attendu en XDM."));
            }
        }

        if (entries.Count == 0)
        {
            findings.Add(XdmFindings.DocumentEntryType.At(context.Missing(context.List, "rim:ExtrinsicObject"), "Aucun DocumentEntry (rim:ExtrinsicObject) dans METADATA.XML."));
        }

        return entries;
    }

    /// <summary>Required SubmissionSet attributes (domain.md §3.3); returns its patientId value.</summary>
    private static string? SubmissionSetAttributes(XdmMetadataContext context, XElement set, List<Finding> findings)
    {
        void Missing(string what, string path) => findings.Add(XdmFindings.SubmissionSetAttributeMissing.At(
            context.Missing(set, path), $"XDSSubmissionSet.{what} absent ou vide (obligatoire, domain.md §3.3)."));

        var submissionTime = EbRim.Value(set, "submissionTime");
        if (submissionTime is null)
        {
            Missing("submissionTime", "rim:Slot[@name='submissionTime']");
        }
        else if (!EbRim.IsDtm(submissionTime))
        {
            findings.Add(XdmFindings.TimeMismatch.At(context.At(EbRim.Slot(set, "submissionTime")!), $"submissionTime « {submissionTime} » n'est pas une date XDS (AAAAMMJJhhmmss en UTC)."));
        }

        foreach (var (scheme, name) in new[] { (EbRim.SetUniqueId, "uniqueId"), (EbRim.SetSourceId, "sourceId") })
        {
            var identifier = EbRim.ExternalIdentifier(set, scheme);
            var value = (string?)identifier?.Attribute("value");
            if (string.IsNullOrWhiteSpace(value))
            {
                Missing(name, $"rim:ExternalIdentifier[@identificationScheme='{scheme}']");
            }
            else if (!EbRim.IsOid(value.Trim()))
            {
                findings.Add(XdmFindings.IdentifierFormat.At(context.At(identifier!), $"XDSSubmissionSet.{name} « {value} » n'est pas un OID."));
            }
        }

        var patient = (string?)EbRim.ExternalIdentifier(set, EbRim.SetPatientId)?.Attribute("value");
        if (string.IsNullOrWhiteSpace(patient))
        {
            Missing("patientId", $"rim:ExternalIdentifier[@identificationScheme='{EbRim.SetPatientId}']");
        }

        var contentType = EbRim.Classifications(set, context.List, EbRim.SetContentType).FirstOrDefault();
        if (contentType is null || string.IsNullOrWhiteSpace((string?)contentType.Attribute("nodeRepresentation")))
        {
            Missing("contentTypeCode", $"rim:Classification[@classificationScheme='{EbRim.SetContentType}']");
        }

        foreach (var author in EbRim.Classifications(set, context.List, EbRim.SetAuthor))
        {
            findings.AddRange(XdsAuthorFormats.Check(context, author, "XDSSubmissionSet"));
        }

        return patient?.Trim();
    }

    private static void Members(XdmMetadataContext context, XElement set, List<XElement> entries, List<Finding> findings)
    {
        var setId = EbRim.Id(set);
        var members = context.List.Elements(EbRim.Rim + "Association")
            .Where(association => (string?)association.Attribute("associationType") == EbRim.HasMember && (string?)association.Attribute("sourceObject") == setId)
            .Select(association => (string?)association.Attribute("targetObject"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => !members.Contains(EbRim.Id(entry))))
        {
            findings.Add(XdmFindings.NotMember.At(
                context.At(entry),
                $"DocumentEntry {EbRim.Id(entry) ?? "?"} sans rim:Association HasMember depuis le SubmissionSet {setId ?? "?"}."));
        }
    }
}

using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// One XDSDocumentEntry of an XDM METADATA.XML: required metadata (domain.md §8.3 DMP-04), patientId format (DMP-05),
/// author formats (DMP-06), hash and size (DMP-07), confidentiality codes (DMP-08), and agreement with the CDA it
/// designates (uniqueId, patientId, typeCode, times, languageCode, context codes; domain.md §3.3 mapping table).
/// </summary>
internal static class XdmDocumentEntryRules
{
    private const string ConfidentialityOid = "2.16.840.1.113883.5.25";
    private const string VisibilityOid = "1.2.250.1.213.1.1.4.13";
    private static readonly XNamespace V3 = XmlPaths.Hl7;

    private static readonly (string Scheme, string Name)[] CodedAttributes =
    [
        (EbRim.DocClassCode, "classCode"),
        (EbRim.DocTypeCode, "typeCode"),
        (EbRim.DocFormatCode, "formatCode"),
        (EbRim.DocConfidentiality, "confidentialityCode"),
        (EbRim.DocPracticeSetting, "practiceSettingCode"),
        (EbRim.DocFacilityType, "healthcareFacilityTypeCode"),
    ];

    private static readonly string[] RequiredSlots = ["creationTime", "languageCode", "serviceStartTime", "sourcePatientId", "legalAuthenticator", "hash", "size", "URI"];

    public static IEnumerable<Finding> Check(XdmMetadataContext context, XElement entry, string? setPatientId)
    {
        var id = EbRim.Id(entry) ?? "?";
        var findings = new List<Finding>();
        void Missing(string what, string path) => findings.Add(XdmFindings.DocumentEntryAttributeMissing.At(
            context.Missing(entry, path), $"DocumentEntry {id} : {what} absent ou vide (obligatoire, domain.md §8.3 DMP-04)."));

        foreach (var (scheme, name) in CodedAttributes)
        {
            var codes = EbRim.Classifications(entry, context.List, scheme);
            if (codes.Count == 0)
            {
                Missing(name, $"rim:Classification[@classificationScheme='{scheme}']");
            }

            foreach (var code in codes.Where(code => string.IsNullOrWhiteSpace((string?)code.Attribute("nodeRepresentation")) || EbRim.Value(code, "codingScheme") is null))
            {
                findings.Add(XdmFindings.DocumentEntryAttributeMissing.At(context.At(code), $"DocumentEntry {id} : {name} sans code (nodeRepresentation) ou sans slot codingScheme."));
            }
        }

        foreach (var slot in RequiredSlots.Where(slot => EbRim.Value(entry, slot) is null))
        {
            Missing(slot, $"rim:Slot[@name='{slot}']");
        }

        if (EbRim.Title(entry) is null)
        {
            Missing("title", "rim:Name/rim:LocalizedString/@value");
        }

        var uniqueId = EbRim.ExternalIdentifier(entry, EbRim.DocUniqueId);
        var uniqueValue = ((string?)uniqueId?.Attribute("value"))?.Trim();
        if (string.IsNullOrEmpty(uniqueValue))
        {
            Missing("uniqueId", $"rim:ExternalIdentifier[@identificationScheme='{EbRim.DocUniqueId}']");
        }
        else if (!EbRim.IsOid(uniqueValue.Split('^')[0]))
        {
            findings.Add(XdmFindings.IdentifierFormat.At(context.At(uniqueId!), $"DocumentEntry {id} : uniqueId « {uniqueValue} » n'est pas un OID (ni OID^extension)."));
        }

        var patientId = EbRim.ExternalIdentifier(entry, EbRim.DocPatientId);
        var patientValue = ((string?)patientId?.Attribute("value"))?.Trim();
        if (string.IsNullOrEmpty(patientValue))
        {
            Missing("patientId", $"rim:ExternalIdentifier[@identificationScheme='{EbRim.DocPatientId}']");
        }
        else if (setPatientId is not null && !string.Equals(patientValue, setPatientId, StringComparison.Ordinal))
        {
            findings.Add(XdmFindings.PatientId.At(context.At(patientId!), $"DocumentEntry {id} : patientId « {patientValue} » différent de celui du SubmissionSet (« {setPatientId} »)."));
        }

        var authors = EbRim.Classifications(entry, context.List, EbRim.DocAuthor);
        if (!authors.Any(author => EbRim.Value(author, "authorInstitution") is not null))
        {
            Missing("author (authorInstitution)", $"rim:Classification[@classificationScheme='{EbRim.DocAuthor}']/rim:Slot[@name='authorInstitution']");
        }

        foreach (var author in authors)
        {
            findings.AddRange(XdsAuthorFormats.Check(context, author, "DocumentEntry " + id));
        }

        findings.AddRange(Times(context, entry, id));
        findings.AddRange(Confidentiality(context, entry, id));
        var file = Document(context, entry, id, findings);
        if (file is null)
        {
            return findings;
        }

        var mimeType = (string?)entry.Attribute("mimeType");
        var cda = SafeXml.TryLoad(file.Content, out _);
        if (cda?.Root is not { } root || root.Name != V3 + "ClinicalDocument")
        {
            if (string.Equals(mimeType, "text/xml", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(XdmFindings.NotACda.At(context.At(entry), $"DocumentEntry {id} déclaré text/xml mais {file.Path} n'est pas un document CDA R2 lisible : métadonnées non comparables au document."));
            }

            return findings;
        }

        if (!string.Equals(mimeType, "text/xml", StringComparison.Ordinal))
        {
            findings.Add(XdmFindings.MimeType.At(context.At(entry), $"DocumentEntry {id} : mimeType « {mimeType ?? "(absent)"} » pour le CDA {file.Path} : attendu text/xml."));
        }

        findings.AddRange(XdmCdaAgreement.Compare(context, entry, id, root, file.Path, uniqueId, patientId));
        return findings;
    }

    private static IEnumerable<Finding> Times(XdmMetadataContext context, XElement entry, string id)
    {
        foreach (var name in new[] { "creationTime", "serviceStartTime", "serviceStopTime" })
        {
            if (EbRim.Value(entry, name) is { } value && !EbRim.IsDtm(value))
            {
                yield return XdmFindings.TimeMismatch.At(context.At(EbRim.Slot(entry, name)!), $"DocumentEntry {id} : {name} « {value} » n'est pas une date XDS (AAAAMMJJ[hhmmss] en UTC, sans fuseau).");
            }
        }
    }

    /// <summary>DMP-08: N of HL7 Confidentiality is present; any other code belongs to TRE_A07 (1.2.250.1.213.1.1.4.13).</summary>
    private static IEnumerable<Finding> Confidentiality(XdmMetadataContext context, XElement entry, string id)
    {
        var codes = EbRim.Classifications(entry, context.List, EbRim.DocConfidentiality);
        if (codes.Count == 0)
        {
            yield break;
        }

        if (!codes.Any(code => (string?)code.Attribute("nodeRepresentation") == "N" && EbRim.Value(code, "codingScheme") == ConfidentialityOid))
        {
            yield return XdmFindings.Confidentiality.At(context.At(codes[0]), $"DocumentEntry {id} : confidentialityCode sans N ({ConfidentialityOid}), attendu en plus des éventuels codes TRE_A07 (domain.md §8.3 DMP-08).");
        }

        foreach (var code in codes)
        {
            var value = (string?)code.Attribute("nodeRepresentation");
            var scheme = EbRim.Value(code, "codingScheme");
            if (!(value == "N" && scheme == ConfidentialityOid) && scheme != VisibilityOid && !string.IsNullOrEmpty(value))
            {
                yield return XdmFindings.Confidentiality.At(context.At(code), $"DocumentEntry {id} : confidentialityCode « {value} » ({scheme ?? "sans codingScheme"}) hors N et hors TRE_A07 ({VisibilityOid}).");
            }
        }
    }

    /// <summary>The file the URI designates (relative to the subset folder, or to IHE_XDM/ as in the ANS DRIM-M example), with hash and size checked (DMP-07).</summary>
    private static XdmEntry? Document(XdmMetadataContext context, XElement entry, string id, List<Finding> findings)
    {
        var uri = EbRim.JoinedValue(entry, "URI");
        if (uri is null)
        {
            return null;
        }

        var package = context.Package;
        var file = XdmPackageReader.UnsafePathReason(uri) is null
            ? package.Find($"{context.SubsetFolder}/{uri}") ?? package.Find($"{XdmPackage.RootFolder}/{uri}")
            : null;
        if (file is null)
        {
            findings.Add(XdmFindings.DocumentNotFound.At(context.At(EbRim.Slot(entry, "URI")!), $"DocumentEntry {id} : URI « {uri} » ne désigne aucun fichier de {context.SubsetFolder}/."));
            return null;
        }

        if (EbRim.Value(entry, "hash") is { } hash && !string.Equals(hash, file.Sha1Hex, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(XdmFindings.HashOrSize.At(context.At(EbRim.Slot(entry, "hash")!), $"DocumentEntry {id} : hash « {hash} » différent du SHA-1 de {file.Path} (« {file.Sha1Hex} »)."));
        }

        if (EbRim.Value(entry, "size") is { } size
            && (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != file.Length))
        {
            findings.Add(XdmFindings.HashOrSize.At(
                context.At(EbRim.Slot(entry, "size")!),
                string.Create(CultureInfo.InvariantCulture, $"DocumentEntry {id} : size « {size} » différent de la taille de {file.Path} ({file.Length} octets).")));
        }

        return file;
    }
}

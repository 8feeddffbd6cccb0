using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Sharing;
using DuiConformance.ReferenceDui.Storage;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Writes the XDM <c>METADATA.XML</c>: an ebRIM 3.0 SubmitObjectsRequest with one DocumentEntry (ExtrinsicObject) for
/// the CDA, the SubmissionSet (RegistryPackage classified as such) and the HasMember association, with the French
/// XDS value formats (INS patientId, IDNPS/IDNST authors, domain.md §3.3).
/// </summary>
internal static class XdmMetadataWriter
{
    /// <summary>ebRIM LCM namespace (SubmitObjectsRequest).</summary>
    public static readonly XNamespace Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    /// <summary>ebRIM RIM namespace (RegistryObjectList and its content).</summary>
    public static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    /// <summary>The classification node that marks a RegistryPackage as a SubmissionSet.</summary>
    public const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

    private const string DocumentEntryObjectType = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private const string DocAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private const string DocClassCode = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private const string DocConfidentiality = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private const string DocFormatCode = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private const string DocFacilityType = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    private const string DocPracticeSetting = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    private const string DocTypeCode = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private const string DocPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string DocUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private const string SetAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    private const string SetContentType = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    private const string SetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    private const string SetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    private const string SetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    /// <summary>What the metadata describes: the document, its file name in the subset folder, and the submission.</summary>
    public sealed record Input(
        Usager Usager,
        StoredDocument Document,
        string DocumentUri,
        string Recipient,
        DateTimeOffset SubmissionTime,
        Guid DocumentEntryUuid,
        Guid SubmissionSetUuid,
        string SubmissionSetUniqueId);

    /// <summary>The METADATA.XML bytes (UTF-8).</summary>
    public static byte[] Write(OrganisationProfile organisation, Input input)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(input);
        var usager = input.Usager;
        var document = input.Document;
        var docId = "urn:uuid:" + input.DocumentEntryUuid.ToString("D");
        var setId = "urn:uuid:" + input.SubmissionSetUuid.ToString("D");
        var sourcePatientId = $"{usager.Ipp}^^^&{organisation.IppOid}&ISO^PI";
        // Note: the INS (with its OID, type NH) is the patientId only for a qualified identity (domain.md §2.4, §3.3).
        // The defect xdm-metadata-wrong-patient puts the local IPP there even then, while the CDA carries the INS.
        var patientId = usager.HasQualifiedIns && !organisation.Has(ReferenceDuiDefects.XdmMetadataWrongPatient)
            ? $"{usager.Ins}^^^&{usager.InsOid ?? organisation.InsOid}&ISO^NH"
            : sourcePatientId;
        var authorPerson = $"{organisation.AuthorIdNatPs}^{Hl7Escape(organisation.AuthorFamily)}^{Hl7Escape(organisation.AuthorGiven)}^^^^^^&{OrganisationProfile.IdNatPsOid}&ISO^D^^^IDNPS";
        var authorInstitution = $"{Hl7Escape(organisation.Name)}^^^^^&{OrganisationProfile.IdNatStOid}&ISO^IDNST^^^{organisation.IdNatSt}";
        var classification = 0;
        string NextId() => "cl" + (++classification).ToString("00", CultureInfo.InvariantCulture);

        var documentEntry = new XElement(Rim + "ExtrinsicObject",
            new XAttribute("id", docId),
            new XAttribute("mimeType", SharingCodes.CdaMimeType),
            new XAttribute("objectType", DocumentEntryObjectType),
            Slot("creationTime", Hl7Time.XdsUtc(document.EffectiveTime)),
            Slot("hash", Convert.ToHexStringLower(SHA1.HashData(document.CdaBytes))),
            Slot("languageCode", SharingCodes.Language),
            Slot("legalAuthenticator", authorPerson),
            Slot("serviceStartTime", Hl7Time.XdsUtc(document.ServiceStartTime)),
            Slot("size", document.CdaBytes.Length.ToString(CultureInfo.InvariantCulture)),
            Slot("sourcePatientId", sourcePatientId),
            Slot("sourcePatientInfo",
                "PID-3|" + sourcePatientId,
                $"PID-5|{Hl7Escape(usager.BirthName)}^{Hl7Escape(usager.FirstGivenName)}^^^^^L",
                "PID-7|" + Hl7Time.Date(usager.BirthDate),
                "PID-8|" + usager.Sex),
            Slot("URI", input.DocumentUri),
            Name(document.Title),
            new XElement(Rim + "Classification",
                new XAttribute("id", NextId()),
                new XAttribute("classificationScheme", DocAuthor),
                new XAttribute("classifiedObject", docId),
                new XAttribute("nodeRepresentation", ""),
                Slot("authorPerson", authorPerson),
                Slot("authorInstitution", authorInstitution),
                Slot("authorSpecialty", "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5")),
            Coded(NextId(), DocClassCode, docId, SharingCodes.Class),
            Coded(NextId(), DocConfidentiality, docId, SharingCodes.Confidentiality),
            // Note: several confidentialityCode classifications coexist on one entry (N + MASQUE_PS …), domain.md §3.5.
            SharingCodes.Visibility(document.Restriction) is { } visibility ? Coded(NextId(), DocConfidentiality, docId, visibility) : null,
            Coded(NextId(), DocFormatCode, docId, SharingCodes.Format),
            Coded(NextId(), DocFacilityType, docId, SharingCodes.FacilityType),
            Coded(NextId(), DocPracticeSetting, docId, SharingCodes.PracticeSetting),
            Coded(NextId(), DocTypeCode, docId, SharingCodes.Type),
            ExternalId("ei01", DocPatientId, docId, patientId, "XDSDocumentEntry.patientId"),
            ExternalId("ei02", DocUniqueId, docId, document.DocumentOid, "XDSDocumentEntry.uniqueId"));

        var submissionSet = new XElement(Rim + "RegistryPackage",
            new XAttribute("id", setId),
            Slot("submissionTime", Hl7Time.XdsUtc(input.SubmissionTime)),
            // Note: XDM intendedRecipient carries the e-mail address in XTN form (ITI TF-3 §4.2.3.3.9).
            Slot("intendedRecipient", "|^^Internet^" + input.Recipient),
            Name("Envoi MSSanté : " + document.Title),
            new XElement(Rim + "Classification",
                new XAttribute("id", NextId()),
                new XAttribute("classificationScheme", SetAuthor),
                new XAttribute("classifiedObject", setId),
                new XAttribute("nodeRepresentation", ""),
                Slot("authorPerson", authorPerson),
                Slot("authorInstitution", authorInstitution)),
            Coded(NextId(), SetContentType, setId, SharingCodes.ContentType),
            ExternalId("ei03", SetPatientId, setId, patientId, "XDSSubmissionSet.patientId"),
            ExternalId("ei04", SetSourceId, setId, organisation.Oid, "XDSSubmissionSet.sourceId"),
            ExternalId("ei05", SetUniqueId, setId, input.SubmissionSetUniqueId, "XDSSubmissionSet.uniqueId"));

        var request = new XElement(Lcm + "SubmitObjectsRequest",
            new XAttribute(XNamespace.Xmlns + "lcm", Lcm.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "rim", Rim.NamespaceName),
            new XElement(Rim + "RegistryObjectList",
                documentEntry,
                submissionSet,
                new XElement(Rim + "Classification",
                    new XAttribute("id", NextId()),
                    new XAttribute("classifiedObject", setId),
                    new XAttribute("classificationNode", SubmissionSetNode)),
                new XElement(Rim + "Association",
                    new XAttribute("id", "as01"),
                    new XAttribute("associationType", "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember"),
                    new XAttribute("sourceObject", setId),
                    new XAttribute("targetObject", docId),
                    Slot("SubmissionSetStatus", "Original"))));

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), request).Save(writer);
        }

        return stream.ToArray();
    }

    private static XElement Slot(string name, params string[] values) =>
        new(Rim + "Slot", new XAttribute("name", name),
            new XElement(Rim + "ValueList", values.Select(v => new XElement(Rim + "Value", v))));

    private static XElement Name(string value) =>
        new(Rim + "Name",
            new XElement(Rim + "LocalizedString",
                new XAttribute(XNamespace.Xml + "lang", SharingCodes.Language), new XAttribute("charset", "UTF-8"), new XAttribute("value", value)));

    private static XElement Coded(string id, string scheme, string classifiedObject, SharingCodes.Code code) =>
        new(Rim + "Classification",
            new XAttribute("id", id),
            new XAttribute("classificationScheme", scheme),
            new XAttribute("classifiedObject", classifiedObject),
            new XAttribute("nodeRepresentation", code.Value),
            Slot("codingScheme", code.Oid),
            Name(code.Display));

    private static XElement ExternalId(string id, string scheme, string registryObject, string value, string name) =>
        new(Rim + "ExternalIdentifier",
            new XAttribute("id", id),
            new XAttribute("identificationScheme", scheme),
            new XAttribute("registryObject", registryObject),
            new XAttribute("value", value),
            Name(name));

    /// <summary>Escapes the HL7 v2 delimiters that may appear in a free value (HL7 v2.5 §2.7.4).</summary>
    private static string Hl7Escape(string value) =>
        value.Replace("\\", "\\E\\", StringComparison.Ordinal)
            .Replace("|", "\\F\\", StringComparison.Ordinal)
            .Replace("^", "\\S\\", StringComparison.Ordinal)
            .Replace("&", "\\T\\", StringComparison.Ordinal)
            .Replace("~", "\\R\\", StringComparison.Ordinal);
}

using System.Text;
using System.Xml;
using System.Xml.Linq;
using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Cda;

/// <summary>
/// Builds a DLU (document de liaison d'urgence, CI-SIS volet DLU-EHPAD-DLU 2022.01) as a CDA R2 level 3 document
/// from a usager's record: the CI-SIS header (structuration minimale, domain.md §3.1) and the six mandatory DLU
/// sections (domain.md §3.2). The defect <c>cda-missing-realm</c> drops realmCode and changes nothing else.
/// </summary>
internal sealed partial class DluDocumentBuilder
{
    /// <summary>LOINC code of the DLU document type.</summary>
    public const string DocumentCode = "74207-2";

    /// <summary>Display name of the DLU document type.</summary>
    public const string DocumentDisplayName = "Dossier de liaison d'urgence";

    /// <summary>Title of the generated documents.</summary>
    public const string DocumentTitle = "Document de liaison d'urgence";

    /// <summary>The CDA namespace.</summary>
    public static readonly XNamespace V3 = "urn:hl7-org:v3";

    /// <summary>The XML Schema instance namespace (xsi:type).</summary>
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string LoincOid = "2.16.840.1.113883.6.1";
    private const string SecteurActiviteOid = "1.2.250.1.71.4.2.4";
    private const string CadreExerciceOid = "1.2.250.1.213.1.1.4.9";
    private const string ProfessionOid = "1.2.250.1.213.1.1.4.5";

    private readonly OrganisationProfile _organisation;

    public DluDocumentBuilder(OrganisationProfile organisation)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
    }

    /// <summary>What identifies the document to build and when it is built.</summary>
    public sealed record Request(string DocumentOid, string SetIdOid, int Version, DateTimeOffset EffectiveTime, string? ReplacedDocumentOid = null);

    /// <summary>Builds the DLU of <paramref name="usager"/>.</summary>
    public CdaDocument Build(Usager usager, Request request)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(request);
        var time = Hl7Time.Cda(request.EffectiveTime);

        var root = new XElement(V3 + "ClinicalDocument",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            // Note: CI-SIS structuration minimale, realmCode FR exactly once; the defect removes it (DUI-CDA-01).
            _organisation.Has(ReferenceDuiDefects.CdaMissingRealm) ? null : new XElement(V3 + "realmCode", new XAttribute("code", "FR")),
            new XElement(V3 + "typeId", new XAttribute("root", "2.16.840.1.113883.1.3"), new XAttribute("extension", "POCD_HD000040")),
            TemplateId("2.16.840.1.113883.2.8.2.1"),
            TemplateId("1.2.250.1.213.1.1.1.1"),
            new XElement(V3 + "templateId", new XAttribute("root", "1.2.250.1.213.1.1.1.22"), new XAttribute("extension", "2022.01")),
            new XElement(V3 + "id", new XAttribute("root", request.DocumentOid)),
            Code(DocumentCode, LoincOid, DocumentDisplayName, "LOINC"),
            new XElement(V3 + "title", DocumentTitle),
            new XElement(V3 + "effectiveTime", new XAttribute("value", time)),
            new XElement(V3 + "confidentialityCode",
                new XAttribute("code", "N"), new XAttribute("codeSystem", "2.16.840.1.113883.5.25"), new XAttribute("displayName", "Normal")),
            new XElement(V3 + "languageCode", new XAttribute("code", "fr-FR")),
            new XElement(V3 + "setId", new XAttribute("root", request.SetIdOid)),
            new XElement(V3 + "versionNumber", new XAttribute("value", request.Version)),
            RecordTarget(usager),
            Author(time),
            Custodian(),
            LegalAuthenticator(time),
            MedecinTraitant(usager),
            DocumentationOf(time),
            ReplacedDocument(request),
            ComponentOf(time),
            new XElement(V3 + "component", StructuredBody(usager, time, request.DocumentOid)));

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
        return new CdaDocument
        {
            Bytes = Serialize(document),
            DocumentOid = request.DocumentOid,
            SetIdOid = request.SetIdOid,
            Version = request.Version,
            Code = DocumentCode,
            CodeDisplayName = DocumentDisplayName,
            Title = DocumentTitle,
            EffectiveTime = request.EffectiveTime,
            ServiceStartTime = request.EffectiveTime,
        };
    }

    /// <summary>
    /// A new version names the one it replaces: relatedDocument RPLC with the parent's id, setId and version (CDA R2
    /// §4.2.3.5, CI-SIS structuration minimale: at most one relatedDocument); <c>null</c> for a first version.
    /// </summary>
    private static XElement? ReplacedDocument(Request request) =>
        request.ReplacedDocumentOid is null
            ? null
            : new XElement(V3 + "relatedDocument", new XAttribute("typeCode", "RPLC"),
                new XElement(V3 + "parentDocument",
                    new XElement(V3 + "id", new XAttribute("root", request.ReplacedDocumentOid)),
                    new XElement(V3 + "setId", new XAttribute("root", request.SetIdOid)),
                    new XElement(V3 + "versionNumber", new XAttribute("value", request.Version - 1))));

    private XElement RecordTarget(Usager usager)
    {
        var name = new XElement(V3 + "name",
            new XElement(V3 + "family", new XAttribute("qualifier", "BR"), usager.BirthName),
            usager.UsedName is null ? null : new XElement(V3 + "family", new XAttribute("qualifier", "SP"), usager.UsedName),
            // Note: structuration minimale INS rule, the full list of birth given names without qualifier, then the
            // first birth given name alone with qualifier BR (domain.md §2.4).
            new XElement(V3 + "given", usager.BirthGivenNames),
            new XElement(V3 + "given", new XAttribute("qualifier", "BR"), usager.FirstGivenName));

        return new XElement(V3 + "recordTarget",
            new XElement(V3 + "patientRole",
                // Note: the INS is conveyed only for a qualified identity (domain.md §2.4).
                usager.HasQualifiedIns
                    ? new XElement(V3 + "id", new XAttribute("root", usager.InsOid ?? _organisation.InsOid), new XAttribute("extension", usager.Ins!))
                    : null,
                new XElement(V3 + "id", new XAttribute("root", _organisation.IppOid), new XAttribute("extension", usager.Ipp)),
                new XElement(V3 + "patient", new XAttribute("classCode", "PSN"),
                    name,
                    new XElement(V3 + "administrativeGenderCode",
                        new XAttribute("code", usager.Sex),
                        new XAttribute("codeSystem", "2.16.840.1.113883.5.1"),
                        new XAttribute("displayName", usager.Sex == "F" ? "Féminin" : "Masculin")),
                    new XElement(V3 + "birthTime", new XAttribute("value", Hl7Time.Date(usager.BirthDate))),
                    new XElement(V3 + "birthplace",
                        new XElement(V3 + "place",
                            new XElement(V3 + "addr", new XElement(V3 + "county", usager.BirthPlace)))))));
    }

    private XElement Author(string time) =>
        new(V3 + "author",
            new XElement(V3 + "time", new XAttribute("value", time)),
            new XElement(V3 + "assignedAuthor",
                ProfessionalId(),
                ProfessionCode(),
                AuthorPerson(),
                RepresentedOrganization()));

    private XElement Custodian() =>
        new(V3 + "custodian",
            new XElement(V3 + "assignedCustodian",
                new XElement(V3 + "representedCustodianOrganization",
                    new XElement(V3 + "id", new XAttribute("root", OrganisationProfile.IdNatStOid), new XAttribute("extension", _organisation.IdNatSt)),
                    new XElement(V3 + "name", _organisation.Name))));

    private XElement LegalAuthenticator(string time) =>
        new(V3 + "legalAuthenticator",
            new XElement(V3 + "time", new XAttribute("value", time)),
            new XElement(V3 + "signatureCode", new XAttribute("code", "S")),
            new XElement(V3 + "assignedEntity",
                ProfessionalId(),
                ProfessionCode(),
                AuthorPerson(),
                RepresentedOrganization()));

    private static XElement MedecinTraitant(Usager usager) =>
        // Note: DLU volet, a participant INF with functionCode PCP (médecin traitant) is mandatory (domain.md §3.2).
        new(V3 + "participant", new XAttribute("typeCode", "INF"),
            new XElement(V3 + "functionCode",
                new XAttribute("code", "PCP"), new XAttribute("codeSystem", "2.16.840.1.113883.5.88"), new XAttribute("displayName", "Médecin traitant")),
            new XElement(V3 + "time", new XAttribute("nullFlavor", "UNK")),
            new XElement(V3 + "associatedEntity", new XAttribute("classCode", "PROV"),
                new XElement(V3 + "associatedPerson",
                    new XElement(V3 + "name",
                        usager.MedecinTraitant is null
                            ? new XElement(V3 + "family", new XAttribute("nullFlavor", "NASK"))
                            : new XElement(V3 + "family", usager.MedecinTraitant)))));

    private XElement DocumentationOf(string time) =>
        new(V3 + "documentationOf",
            new XElement(V3 + "serviceEvent",
                Code("34117-2", LoincOid, "Historique et clinique", "LOINC"),
                new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", time))),
                new XElement(V3 + "performer", new XAttribute("typeCode", "PRF"),
                    new XElement(V3 + "assignedEntity",
                        ProfessionalId(),
                        ProfessionCode(),
                        AuthorPerson(),
                        RepresentedOrganization()))));

    private XElement ComponentOf(string time) =>
        new(V3 + "componentOf",
            new XElement(V3 + "encompassingEncounter",
                new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", time))),
                new XElement(V3 + "location",
                    new XElement(V3 + "healthCareFacility",
                        // Note: XDS healthcareFacilityTypeCode is taken from here (domain.md §3.3): TRE_R02 SA17.
                        new XElement(V3 + "code",
                            new XAttribute("code", FacilityTypeCode),
                            new XAttribute("codeSystem", SecteurActiviteOid),
                            new XAttribute("displayName", FacilityTypeDisplay))))));

    /// <summary>TRE_R02 sector of the establishment: SA17, établissement pour personnes âgées.</summary>
    public const string FacilityTypeCode = "SA17";

    /// <summary>Display name of <see cref="FacilityTypeCode"/>.</summary>
    public const string FacilityTypeDisplay = "Etablissement pour personnes âgées";

    /// <summary>TRE_A01 practice setting of the establishment (JDV_J04): ESSMS.</summary>
    public const string PracticeSettingCode = "ESSMS";

    /// <summary>Display name of <see cref="PracticeSettingCode"/>.</summary>
    public const string PracticeSettingDisplay = "Etablissement ou Service Social ou Médico-Social";

    private XElement ProfessionalId() =>
        new(V3 + "id", new XAttribute("root", OrganisationProfile.IdNatPsOid), new XAttribute("extension", _organisation.AuthorIdNatPs));

    private static XElement ProfessionCode() =>
        new(V3 + "code",
            new XAttribute("code", "G15_10/SM26"),
            new XAttribute("codeSystem", ProfessionOid),
            new XAttribute("displayName", "Médecin - Qualifié en Médecine Générale (SM)"));

    private XElement AuthorPerson() =>
        new(V3 + "assignedPerson",
            new XElement(V3 + "name",
                new XElement(V3 + "given", _organisation.AuthorGiven),
                new XElement(V3 + "family", _organisation.AuthorFamily)));

    private XElement RepresentedOrganization() =>
        new(V3 + "representedOrganization",
            new XElement(V3 + "id", new XAttribute("root", OrganisationProfile.IdNatStOid), new XAttribute("extension", _organisation.IdNatSt)),
            new XElement(V3 + "name", _organisation.Name),
            // Note: XDS practiceSettingCode is taken from serviceEvent/performer/.../standardIndustryClassCode (domain.md §3.3).
            new XElement(V3 + "standardIndustryClassCode",
                new XAttribute("code", PracticeSettingCode),
                new XAttribute("codeSystem", CadreExerciceOid),
                new XAttribute("displayName", PracticeSettingDisplay)));

    private static XElement TemplateId(string root) => new(V3 + "templateId", new XAttribute("root", root));

    private static XElement Code(string code, string codeSystem, string displayName, string? codeSystemName = null) =>
        new(V3 + "code",
            new XAttribute("code", code),
            new XAttribute("codeSystem", codeSystem),
            new XAttribute("displayName", displayName),
            codeSystemName is null ? null : new XAttribute("codeSystemName", codeSystemName));

    private static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}

using System.Xml.Linq;
using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Cda;

/// <summary>The DLU body: the six mandatory sections of the volet, plus a free-text comment section for allergies.</summary>
internal sealed partial class DluDocumentBuilder
{
    /// <summary>Section templateIds that identify the six mandatory DLU sections (CI-SIS_DLU-EHPAD-DLU_2022.01.sch).</summary>
    public static IReadOnlyList<string> MandatorySectionTemplateIds { get; } =
    [
        "1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10", // établissement de santé de préférence (FR-Dispositions)
        "1.3.6.1.4.1.19376.1.5.3.1.3.19",      // traitements (FR-Traitements)
        "1.3.6.1.4.1.19376.1.5.3.1.3.35",      // directives anticipées (FR-Directives-anticipees)
        "1.3.6.1.4.1.19376.1.7.3.1.1.13.7",    // état psychique, handicaps, déplacements, risques (FR-Resultats-evenements)
        "1.3.6.1.4.1.19376.1.5.3.1.3.28",      // BMR (FR-Resultats-examens)
        "1.2.250.1.213.1.1.2.37",              // documents ajoutés (FR-Documents-ajoutes)
    ];

    private const string SnomedOid = "2.16.840.1.113883.6.96";

    private static XElement StructuredBody(Usager usager, string time, string documentOid)
    {
        var ctx = new Scope(documentOid);
        return new XElement(V3 + "structuredBody",
            Component(PreferredFacilitySection(usager, ctx)),
            Component(TreatmentsSection(usager, ctx)),
            Component(AdvanceDirectivesSection(usager, time, ctx)),
            Component(ObservationsSection(usager, ctx)),
            Component(BmrSection(usager, ctx)),
            usager.Allergies is null ? null : Component(AllergiesCommentSection(usager)),
            Component(AttachedDocumentsSection(ctx)));
    }

    private static XElement Component(XElement section) => new(V3 + "component", section);

    private static XElement PreferredFacilitySection(Usager usager, Scope ctx)
    {
        var text = usager.PreferredFacility ?? "Aucune préférence exprimée";
        return new XElement(V3 + "section",
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10"),
            TemplateId("1.2.250.1.213.1.1.2.172"),
            Code("11302-7", LoincOid, "Etablissement de santé de préférence", "LOINC"),
            new XElement(V3 + "title", "Etablissement de santé de préférence"),
            new XElement(V3 + "text", new XElement(V3 + "content", new XAttribute("ID", "etab-pref"), text)),
            new XElement(V3 + "entry",
                new XElement(V3 + "act", new XAttribute("classCode", "ACT"), new XAttribute("moodCode", "INT"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.1.10.4.2"),
                    TemplateId("1.2.250.1.213.1.1.3.97"),
                    ctx.NewId(),
                    Code("11302-7", LoincOid, "Etablissement de santé de préférence", "LOINC"),
                    TextReference("etab-pref"),
                    new XElement(V3 + "statusCode", new XAttribute("code", "normal")),
                    new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NAV")),
                    usager.PreferredFacility is null
                        ? null
                        : new XElement(V3 + "participant", new XAttribute("typeCode", "DST"),
                            new XElement(V3 + "time", new XAttribute("nullFlavor", "NAV")),
                            new XElement(V3 + "participantRole", new XAttribute("classCode", "ROL"),
                                new XElement(V3 + "playingEntity", new XElement(V3 + "name", usager.PreferredFacility)))))));
    }

    private static XElement TreatmentsSection(Usager usager, Scope ctx)
    {
        var lines = SplitLines(usager.Traitements);
        if (lines.Count == 0)
        {
            lines = ["Aucun traitement en cours"];
        }

        var items = lines.Select((line, i) => new XElement(V3 + "item", new XElement(V3 + "content", new XAttribute("ID", $"trt-{i + 1}"), line)));
        var entries = lines.Select((line, i) =>
            new XElement(V3 + "entry",
                new XElement(V3 + "substanceAdministration", new XAttribute("classCode", "SBADM"), new XAttribute("moodCode", "INT"),
                    TemplateId("2.16.840.1.113883.10.20.1.24"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.7"),
                    TemplateId("1.2.250.1.213.1.1.3.42"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.7.1"),
                    ctx.NewId(),
                    TextReference($"trt-{i + 1}"),
                    new XElement(V3 + "statusCode", new XAttribute("code", "active")),
                    new XElement(V3 + "effectiveTime", new XAttribute(Xsi + "type", "IVL_TS"),
                        new XElement(V3 + "low", new XAttribute("nullFlavor", "UNK"))),
                    new XElement(V3 + "consumable", new XAttribute("typeCode", "CSM"),
                        new XElement(V3 + "manufacturedProduct",
                            TemplateId("2.16.840.1.113883.10.20.1.53"),
                            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.7.2"),
                            TemplateId("1.2.250.1.213.1.1.3.43"),
                            new XElement(V3 + "manufacturedMaterial", new XAttribute("classCode", "MMAT"),
                                // Note: free-text treatments are not coded; the code points to the narrative (IHE PCC uncoded product).
                                new XElement(V3 + "code", new XAttribute("nullFlavor", "NA"),
                                    new XElement(V3 + "originalText", new XElement(V3 + "reference", new XAttribute("value", $"#trt-{i + 1}")))),
                                new XElement(V3 + "name", line)))))));

        return new XElement(V3 + "section",
            TemplateId("2.16.840.1.113883.10.20.1.8"),
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.3.19"),
            TemplateId("1.2.250.1.213.1.1.2.143"),
            Code("10160-0", LoincOid, "Historique de la prise médicamenteuse", "LOINC"),
            new XElement(V3 + "title", "Traitements en cours"),
            new XElement(V3 + "text", new XElement(V3 + "list", items)),
            entries);
    }

    private static XElement AdvanceDirectivesSection(Usager usager, string time, Scope ctx)
    {
        var hasDirectives = usager.Directives is not null;
        return new XElement(V3 + "section",
            TemplateId("2.16.840.1.113883.10.20.1.1"),
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.3.34"),
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.3.35"),
            TemplateId("1.2.250.1.213.1.1.2.157"),
            Code("42348-3", LoincOid, "Directives anticipées", "LOINC"),
            new XElement(V3 + "title", "Directives anticipées"),
            new XElement(V3 + "text",
                new XElement(V3 + "content", new XAttribute("ID", "directives"),
                    hasDirectives ? usager.Directives : "Pas de directives anticipées connues")),
            new XElement(V3 + "entry",
                new XElement(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"),
                    TemplateId("2.16.840.1.113883.10.20.1.17"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.13"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.13.7"),
                    TemplateId("1.2.250.1.213.1.1.3.54"),
                    ctx.NewId(),
                    Code("42348-3", LoincOid, "Directives anticipées", "LOINC"),
                    TextReference("directives"),
                    new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
                    new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", time))),
                    new XElement(V3 + "value", new XAttribute(Xsi + "type", "BL"), new XAttribute("value", hasDirectives ? "true" : "false")))));
    }

    private static XElement ObservationsSection(Usager usager, Scope ctx)
    {
        // Note: codes from JDV_ObservationEtatPatient_CISIS (1.2.250.1.213.1.1.5.514), SNOMED CT.
        (string Id, string Code, string Display, bool Value)[] observations =
        [
            ("obs-1", "288575003", "capable de communiquer", usager.CanCommunicate),
            ("obs-2", "247663003", "bien orienté", usager.Oriented),
            ("obs-3", "161898004", "chutes", usager.Falls),
        ];

        var rows = observations.Select(o =>
            new XElement(V3 + "tr",
                new XElement(V3 + "td", new XElement(V3 + "content", new XAttribute("ID", o.Id), o.Display)),
                new XElement(V3 + "td", o.Value ? "oui" : "non")));
        var entries = observations.Select(o => new XElement(V3 + "entry", SimpleObservation(ctx, o.Code, SnomedOid, o.Display, "SNOMED CT", o.Id, o.Value)));

        return new XElement(V3 + "section",
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9"),
            TemplateId("1.3.6.1.4.1.19376.1.7.3.1.1.13.7"),
            TemplateId("1.2.250.1.213.1.1.2.163"),
            Code("42545-4", LoincOid, "Evènements observés", "LOINC"),
            new XElement(V3 + "title", "Etat psychique, handicaps, déplacements et risques"),
            new XElement(V3 + "text",
                new XElement(V3 + "table", new XAttribute("border", "0"),
                    new XElement(V3 + "thead", new XElement(V3 + "tr", new XElement(V3 + "th", "Observation"), new XElement(V3 + "th", "Constat"))),
                    new XElement(V3 + "tbody", rows))),
            entries);
    }

    private static XElement BmrSection(Usager usager, Scope ctx) =>
        new(V3 + "section",
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.3.27"),
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.3.28"),
            TemplateId("1.2.250.1.213.1.1.2.151"),
            Code("30954-2", LoincOid, "Résultats d'examens", "LOINC"),
            new XElement(V3 + "title", "Bactérie multirésistante (BMR)"),
            new XElement(V3 + "text",
                new XElement(V3 + "paragraph",
                    new XElement(V3 + "content", new XAttribute("ID", "bmr"), "Porteur d'une bactérie multirésistante : "),
                    usager.BmrCarrier ? "oui" : "non")),
            new XElement(V3 + "entry",
                new XElement(V3 + "procedure", new XAttribute("classCode", "PROC"), new XAttribute("moodCode", "EVN"),
                    TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.19"),
                    TemplateId("2.16.840.1.113883.10.20.1.29"),
                    TemplateId("1.2.250.1.213.1.1.3.62"),
                    ctx.NewId(),
                    new XElement(V3 + "code", new XAttribute("nullFlavor", "NA")),
                    TextReference("bmr"),
                    new XElement(V3 + "statusCode", new XAttribute("code", "completed")))),
            new XElement(V3 + "entry",
                SimpleObservation(ctx, "U83.71", "2.16.840.1.113883.6.3", "Bactérie multirésistante [BMR]", "CIM-10", "bmr", usager.BmrCarrier)));

    private static XElement AllergiesCommentSection(Usager usager) =>
        // Note: allergies are free text here, so they go in the optional non-coded comment section (FR-Commentaire-non-code),
        // not in the coded allergies section whose entries require coded agents.
        new(V3 + "section",
            TemplateId("2.16.840.1.113883.10.12.201"),
            TemplateId("1.3.6.1.4.1.19376.1.4.1.2.16"),
            TemplateId("1.2.250.1.213.1.1.2.73"),
            Code("55112-7", LoincOid, "Commentaire", "LOINC"),
            new XElement(V3 + "title", "Allergies connues (texte libre)"),
            new XElement(V3 + "text", new XElement(V3 + "list",
                SplitLines(usager.Allergies).Select(line => new XElement(V3 + "item", line)))));

    private static XElement AttachedDocumentsSection(Scope ctx) =>
        new(V3 + "section",
            TemplateId("1.2.250.1.213.1.1.2.37"),
            Code("55107-7", LoincOid, "Documents ajoutés", "LOINC"),
            new XElement(V3 + "title", "Checklist des documents annexés au DLU"),
            new XElement(V3 + "text",
                new XElement(V3 + "table", new XAttribute("border", "0"),
                    new XElement(V3 + "thead", new XElement(V3 + "tr", new XElement(V3 + "th", "Document"), new XElement(V3 + "th", "Annexé au DLU"))),
                    new XElement(V3 + "tbody",
                        new XElement(V3 + "tr",
                            new XElement(V3 + "td", new XElement(V3 + "content", new XAttribute("ID", "doc-1"), "Attestation de la carte vitale")),
                            new XElement(V3 + "td", "non"))))),
            new XElement(V3 + "entry",
                new XElement(V3 + "organizer", new XAttribute("classCode", "CLUSTER"), new XAttribute("moodCode", "EVN"),
                    TemplateId("1.2.250.1.213.1.1.3.18"),
                    ctx.NewId(),
                    Code("55107-7", LoincOid, "Document attaché", "LOINC"),
                    new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
                    new XElement(V3 + "component",
                        new XElement(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"),
                            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.13"),
                            TemplateId("1.2.250.1.213.1.1.3.48"),
                            TemplateId("1.2.250.1.213.1.1.3.48.18"),
                            ctx.NewId(),
                            Code("69764-9", LoincOid, "Type de document", "LOINC"),
                            TextReference("doc-1"),
                            new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
                            new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NA")),
                            new XElement(V3 + "value", new XAttribute(Xsi + "type", "CD"),
                                new XAttribute("code", "DLU_006"),
                                new XAttribute("codeSystem", "1.2.250.1.213.1.1.4.322"),
                                new XAttribute("displayName", "Attestation de la carte vitale")))),
                    new XElement(V3 + "component",
                        // Note: the document is not annexed, so the media value is a nullFlavor (E_organizerDocumentAttache_ANS).
                        new XElement(V3 + "observationMedia", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"),
                            new XElement(V3 + "value", new XAttribute("nullFlavor", "NAV")))))));

    private static XElement SimpleObservation(Scope ctx, string code, string codeSystem, string display, string codeSystemName, string textId, bool value) =>
        new(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"),
            TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.13"),
            TemplateId("1.2.250.1.213.1.1.3.48"),
            ctx.NewId(),
            Code(code, codeSystem, display, codeSystemName),
            TextReference(textId),
            new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
            new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NA")),
            new XElement(V3 + "value", new XAttribute(Xsi + "type", "BL"), new XAttribute("value", value ? "true" : "false")));

    private static XElement TextReference(string id) =>
        new(V3 + "text", new XElement(V3 + "reference", new XAttribute("value", "#" + id)));

    /// <summary>Numbers the entries of one document: ids are the document OID plus a sequence, so a build is deterministic.</summary>
    private sealed class Scope(string documentOid)
    {
        private int _sequence;

        public XElement NewId() =>
            new(V3 + "id", new XAttribute("root", documentOid), new XAttribute("extension", (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static List<string> SplitLines(string? text) =>
        text is null
            ? []
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList();
}

using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>
/// CI-SIS DLU volet rules (Document de liaison d'urgence, EHPAD; domain.md §3.2 and §8.2 CDA-07). The section
/// templateIds and cardinalities are those of the CI-SIS schematron for DLU-EHPAD-DLU 2022.01.
/// </summary>
public static class DluRules
{
    /// <summary>LOINC code system OID.</summary>
    public const string Loinc = "2.16.840.1.113883.6.1";

    /// <summary>serviceEvent code of a DLU ("Historique et clinique").</summary>
    public const string ServiceEventCode = "34117-2";

    /// <summary>Sections that must appear exactly once, by templateId, with their French names.</summary>
    public static IReadOnlyList<(string TemplateId, string Name)> MandatorySections { get; } =
    [
        ("1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10", "Établissement de santé de préférence"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.19", "Traitements"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.35", "Directives anticipées"),
        ("1.3.6.1.4.1.19376.1.7.3.1.1.13.7", "État psychique, handicaps, déplacements, autres risques"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.28", "Bactérie multirésistante (BMR)"),
        ("1.2.250.1.213.1.1.2.37", "Documents ajoutés"),
    ];

    /// <summary>Sections that may appear at most once, by templateId, with their French names.</summary>
    public static IReadOnlyList<(string TemplateId, string Name)> OptionalSections { get; } =
    [
        ("1.3.6.1.4.1.19376.1.5.3.1.3.6", "Pathologies actives"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.8", "Antécédents médicaux"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.13", "Allergies et intolérances"),
        ("1.3.6.1.4.1.19376.1.5.3.1.3.23", "Vaccinations"),
        ("1.3.6.1.4.1.19376.1.4.1.2.16", "Commentaire non codé"),
    ];

    private static readonly XNamespace V3 = XmlPaths.Hl7;

    /// <summary>Every DLU finding for one document, or <c>null</c> when the document is not a DLU.</summary>
    public static IReadOnlyList<Finding>? Check(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsDlu)
        {
            return null;
        }

        var findings = new List<Finding>();
        var root = document.Root;
        if (!document.TemplateIds.Contains(CdaDocument.DluTemplateId, StringComparer.Ordinal))
        {
            findings.Add(CdaFindings.DluTemplateId.At(
                document.Missing(root, $"cda:templateId[@root='{CdaDocument.DluTemplateId}']"),
                $"Document de code {CdaDocument.DluCode} sans templateId {CdaDocument.DluTemplateId} (modèle DLU du CI-SIS)."));
        }

        var code = root.Element(V3 + "code");
        if (!string.Equals(code?.Attribute("code")?.Value, CdaDocument.DluCode, StringComparison.Ordinal)
            || !string.Equals(code?.Attribute("codeSystem")?.Value, Loinc, StringComparison.Ordinal))
        {
            findings.Add(CdaFindings.DluCode.At(
                code is null ? document.Missing(root, "cda:code") : document.At(code),
                $"Le code d'un DLU doit être {CdaDocument.DluCode} (LOINC {Loinc}) ; trouvé « {code?.Attribute("code")?.Value} » / « {code?.Attribute("codeSystem")?.Value} »."));
        }

        if (root.Element(V3 + "setId") is null)
        {
            findings.Add(CdaFindings.DluVersioning.At(document.Missing(root, "cda:setId"), "setId absent : obligatoire pour un DLU."));
        }

        if (string.IsNullOrWhiteSpace(root.Element(V3 + "versionNumber")?.Attribute("value")?.Value))
        {
            findings.Add(CdaFindings.DluVersioning.At(document.Missing(root, "cda:versionNumber"), "versionNumber@value absent : obligatoire pour un DLU."));
        }

        var informant = document.Header("participant").Any(participant =>
            string.Equals(participant.Attribute("typeCode")?.Value, "INF", StringComparison.Ordinal)
            && string.Equals(participant.Element(V3 + "functionCode")?.Attribute("code")?.Value, "PCP", StringComparison.Ordinal));
        if (!informant)
        {
            findings.Add(CdaFindings.DluParticipant.At(
                document.Missing(root, "cda:participant[@typeCode='INF']/cda:functionCode[@code='PCP']"),
                "Aucun participant typeCode=\"INF\" avec functionCode@code=\"PCP\" (médecin traitant) : obligatoire pour un DLU."));
        }

        findings.AddRange(ServiceEvent(document));
        findings.AddRange(Sections(document));
        return findings;
    }

    private static IEnumerable<Finding> ServiceEvent(CdaDocument document)
    {
        var events = document.Header("documentationOf").Select(documentation => documentation.Element(V3 + "serviceEvent")).OfType<XElement>().ToList();
        var dlu = events.FirstOrDefault(serviceEvent => string.Equals(serviceEvent.Element(V3 + "code")?.Attribute("code")?.Value, ServiceEventCode, StringComparison.Ordinal));
        if (dlu is null)
        {
            yield return CdaFindings.DluServiceEvent.At(
                document.Missing(document.Root, $"cda:documentationOf/cda:serviceEvent/cda:code[@code='{ServiceEventCode}']"),
                $"Aucun documentationOf/serviceEvent de code {ServiceEventCode} : obligatoire pour un DLU.");
            yield break;
        }

        var time = dlu.Element(V3 + "effectiveTime");
        if (time is null)
        {
            yield return CdaFindings.DluServiceEvent.At(document.Missing(dlu, "cda:effectiveTime"), "serviceEvent sans effectiveTime : la date de début de l'acte est obligatoire pour un DLU.");
        }
        else if (time.Attribute("nullFlavor") is not null || time.Element(V3 + "low")?.Attribute("nullFlavor") is not null)
        {
            yield return CdaFindings.DluServiceEvent.At(document.At(time), "serviceEvent/effectiveTime en nullFlavor : interdit pour un DLU.");
        }
    }

    private static IEnumerable<Finding> Sections(CdaDocument document)
    {
        var body = document.Root.Element(V3 + "component")?.Element(V3 + "structuredBody");
        if (body is null)
        {
            yield return CdaFindings.DluBody.At(document.Missing(document.Root, "cda:component/cda:structuredBody"), "Pas de structuredBody : un DLU est un document structuré (niveau 3) avec des sections.");
            yield break;
        }

        var sections = body.Elements(V3 + "component").Select(component => component.Element(V3 + "section")).OfType<XElement>().ToList();
        int Count(string templateId) => sections.Count(section =>
            section.Elements(V3 + "templateId").Any(element => string.Equals(element.Attribute("root")?.Value, templateId, StringComparison.Ordinal)));

        foreach (var (templateId, name) in MandatorySections)
        {
            var count = Count(templateId);
            if (count != 1)
            {
                yield return CdaFindings.DluMandatorySection.At(
                    document.Missing(body, $"cda:component/cda:section[cda:templateId/@root='{templateId}']"),
                    count == 0
                        ? $"Section obligatoire « {name} » (templateId {templateId}) absente."
                        : $"Section obligatoire « {name} » (templateId {templateId}) présente {count} fois : exactement une est attendue.");
            }
        }

        foreach (var (templateId, name) in OptionalSections)
        {
            var count = Count(templateId);
            if (count > 1)
            {
                yield return CdaFindings.DluOptionalSection.At(
                    document.Missing(body, $"cda:component/cda:section[cda:templateId/@root='{templateId}']"),
                    $"Section « {name} » (templateId {templateId}) présente {count} fois : au plus une est permise.");
            }
        }
    }
}

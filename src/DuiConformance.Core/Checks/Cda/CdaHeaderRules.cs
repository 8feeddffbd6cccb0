using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>
/// CI-SIS header rules ("structuration minimale", domain.md §3.1 and §8.2 CDA-01 to CDA-04). Each method returns every
/// finding for one document.
/// </summary>
public static partial class CdaHeaderRules
{
    /// <summary>typeId root of CDA R2.</summary>
    public const string TypeIdRoot = "2.16.840.1.113883.1.3";

    /// <summary>typeId extension of CDA R2.</summary>
    public const string TypeIdExtension = "POCD_HD000040";

    /// <summary>HL7 France header templateId.</summary>
    public const string HeaderTemplateHl7France = "2.16.840.1.113883.2.8.2.1";

    /// <summary>CI-SIS header templateId.</summary>
    public const string HeaderTemplateCiSis = "1.2.250.1.213.1.1.1.1";

    private static readonly XNamespace V3 = XmlPaths.Hl7;

    /// <summary>CDA-01: realmCode FR exactly once; typeId 2.16.840.1.113883.1.3 / POCD_HD000040.</summary>
    public static IReadOnlyList<Finding> RealmAndTypeId(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        var realms = document.Header("realmCode");
        if (realms.Count == 0)
        {
            findings.Add(CdaFindings.RealmCode.At(document.Missing(document.Root, "cda:realmCode"), "realmCode absent : l'en-tête doit porter exactement un realmCode@code=\"FR\"."));
        }
        else if (realms.Count > 1)
        {
            findings.Add(CdaFindings.RealmCode.At(document.At(realms[1]), $"realmCode présent {realms.Count} fois : exactement un est attendu (code \"FR\")."));
        }

        foreach (var realm in realms.Where(realm => !string.Equals(realm.Attribute("code")?.Value, "FR", StringComparison.Ordinal)))
        {
            findings.Add(CdaFindings.RealmCode.At(document.At(realm), $"realmCode@code vaut « {realm.Attribute("code")?.Value} » au lieu de « FR »."));
        }

        var typeIds = document.Header("typeId");
        if (typeIds.Count != 1)
        {
            findings.Add(CdaFindings.TypeId.At(
                typeIds.Count == 0 ? document.Missing(document.Root, "cda:typeId") : document.At(typeIds[1]),
                $"typeId présent {typeIds.Count} fois : exactement un est attendu ({TypeIdRoot} / {TypeIdExtension})."));
        }

        foreach (var typeId in typeIds)
        {
            var root = typeId.Attribute("root")?.Value;
            var extension = typeId.Attribute("extension")?.Value;
            if (!string.Equals(root, TypeIdRoot, StringComparison.Ordinal) || !string.Equals(extension, TypeIdExtension, StringComparison.Ordinal))
            {
                findings.Add(CdaFindings.TypeId.At(document.At(typeId), $"typeId vaut « {root} / {extension} » au lieu de « {TypeIdRoot} / {TypeIdExtension} »."));
            }
        }

        return findings;
    }

    /// <summary>CDA-02: templateIds include the HL7 France and CI-SIS header templates, three templateIds at least.</summary>
    public static IReadOnlyList<Finding> TemplateIds(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        var roots = document.TemplateIds;
        foreach (var (required, label) in new[] { (HeaderTemplateHl7France, "en-tête HL7 France"), (HeaderTemplateCiSis, "conformité CI-SIS") })
        {
            if (!roots.Contains(required, StringComparer.Ordinal))
            {
                findings.Add(CdaFindings.TemplateIdMissing.At(
                    document.Missing(document.Root, $"cda:templateId[@root='{required}']"),
                    $"templateId {required} ({label}) absent de l'en-tête."));
            }
        }

        if (roots.Count < 3)
        {
            findings.Add(CdaFindings.TemplateIdCount.At(
                document.Missing(document.Root, "cda:templateId"),
                $"L'en-tête porte {roots.Count} templateId : au moins 3 sont attendus (HL7 France, CI-SIS et le modèle du volet)."));
        }

        return findings;
    }

    /// <summary>CDA-03: id@root is an OID; code with code/codeSystem/displayName; title; effectiveTime@value; languageCode fr-FR.</summary>
    public static IReadOnlyList<Finding> Identification(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        var root = document.Root;

        var id = root.Element(V3 + "id");
        var idRoot = id?.Attribute("root")?.Value;
        if (id is null)
        {
            findings.Add(CdaFindings.DocumentId.At(document.Missing(root, "cda:id"), "Identifiant du document (id) absent."));
        }
        else if (string.IsNullOrWhiteSpace(idRoot) || !OidPattern().IsMatch(idRoot))
        {
            findings.Add(CdaFindings.DocumentId.At(document.At(id), $"id@root « {idRoot} » n'est pas un OID."));
        }

        var code = root.Element(V3 + "code");
        if (code is null)
        {
            findings.Add(CdaFindings.DocumentCode.At(document.Missing(root, "cda:code"), "Code du document (code) absent."));
        }
        else
        {
            var missing = new[] { "code", "codeSystem", "displayName" }.Where(name => string.IsNullOrWhiteSpace(code.Attribute(name)?.Value)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(CdaFindings.DocumentCode.At(document.At(code), $"Attribut(s) manquant(s) sur code : {string.Join(", ", missing.Select(name => "@" + name))}."));
            }
        }

        var title = root.Element(V3 + "title");
        if (title is null || string.IsNullOrWhiteSpace(title.Value))
        {
            findings.Add(CdaFindings.Title.At(title is null ? document.Missing(root, "cda:title") : document.At(title), "Titre du document (title) absent ou vide."));
        }

        var effectiveTime = root.Element(V3 + "effectiveTime");
        if (string.IsNullOrWhiteSpace(effectiveTime?.Attribute("value")?.Value))
        {
            findings.Add(CdaFindings.EffectiveTime.At(
                effectiveTime is null ? document.Missing(root, "cda:effectiveTime") : document.At(effectiveTime),
                "effectiveTime@value absent : la date de création du document est obligatoire."));
        }

        var language = root.Element(V3 + "languageCode");
        var languageValue = language?.Attribute("code")?.Value;
        if (!string.Equals(languageValue, "fr-FR", StringComparison.Ordinal))
        {
            findings.Add(CdaFindings.LanguageCode.At(
                language is null ? document.Missing(root, "cda:languageCode") : document.At(language),
                language is null ? "languageCode absent (attendu « fr-FR »)." : $"languageCode@code vaut « {languageValue} » au lieu de « fr-FR »."));
        }

        return findings;
    }

    /// <summary>
    /// CDA-04: one recordTarget; one legalAuthenticator with time, signatureCode S and assignedEntity/assignedPerson;
    /// at least one documentationOf; at most one relatedDocument; componentOf.
    /// </summary>
    public static IReadOnlyList<Finding> Participants(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        var root = document.Root;

        var recordTargets = document.Header("recordTarget");
        if (recordTargets.Count != 1)
        {
            findings.Add(CdaFindings.RecordTargetCount.At(
                recordTargets.Count == 0 ? document.Missing(root, "cda:recordTarget") : document.At(recordTargets[1]),
                $"recordTarget présent {recordTargets.Count} fois : exactement un patient est attendu."));
        }

        var authenticators = document.Header("legalAuthenticator");
        if (authenticators.Count != 1)
        {
            findings.Add(CdaFindings.LegalAuthenticatorCount.At(
                authenticators.Count == 0 ? document.Missing(root, "cda:legalAuthenticator") : document.At(authenticators[1]),
                $"legalAuthenticator présent {authenticators.Count} fois : exactement un est attendu."));
        }

        foreach (var authenticator in authenticators)
        {
            var missing = new List<string>();
            if (authenticator.Element(V3 + "time") is null)
            {
                missing.Add("time");
            }

            if (!string.Equals(authenticator.Element(V3 + "signatureCode")?.Attribute("code")?.Value, "S", StringComparison.Ordinal))
            {
                missing.Add("signatureCode@code=\"S\"");
            }

            if (authenticator.Element(V3 + "assignedEntity")?.Element(V3 + "assignedPerson") is null)
            {
                missing.Add("assignedEntity/assignedPerson");
            }

            if (missing.Count > 0)
            {
                findings.Add(CdaFindings.LegalAuthenticatorContent.At(document.At(authenticator), $"legalAuthenticator incomplet : {string.Join(", ", missing)} manquant(s)."));
            }
        }

        if (document.Header("documentationOf").Count == 0)
        {
            findings.Add(CdaFindings.DocumentationOf.At(document.Missing(root, "cda:documentationOf"), "Aucun documentationOf : au moins un acte documenté est attendu."));
        }

        var related = document.Header("relatedDocument");
        if (related.Count > 1)
        {
            findings.Add(CdaFindings.RelatedDocument.At(document.At(related[1]), $"relatedDocument présent {related.Count} fois : au plus un est permis."));
        }

        if (document.Header("componentOf").Count == 0)
        {
            findings.Add(CdaFindings.ComponentOf.At(document.Missing(root, "cda:componentOf"), "componentOf absent : la prise en charge (encompassingEncounter) est obligatoire."));
        }

        return findings;
    }

    /// <summary>An ISO OID: arcs separated by dots, first arc 0–2, no leading zeros.</summary>
    [GeneratedRegex(@"^[0-2](\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant)]
    private static partial Regex OidPattern();
}

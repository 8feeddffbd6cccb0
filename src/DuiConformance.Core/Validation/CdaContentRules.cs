using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Validation;

/// <summary>
/// Built-in CDA rules beyond the header checks of <c>Checks/Cda</c>: level 1 versus level 3 body (CDA-06), VSM code
/// (CDA-08), and the patient identity of <c>recordTarget</c> with the INS (CDA-05), from domain.md §2.4, §3.1, §3.2, §8.2.
/// </summary>
public static class CdaContentRules
{
    /// <summary>IHE XDS-SD templateId carried by level 1 documents.</summary>
    public const string XdsSdTemplate = "1.3.6.1.4.1.19376.1.2.20";

    /// <summary>VSM volet templateId.</summary>
    public const string VsmTemplate = "1.2.250.1.213.1.1.1.13";

    /// <summary>INS OIDs: NIR, NIA, NIR of test, NIR of demonstration (domain.md §2.3).</summary>
    public static IReadOnlyList<string> InsOids { get; } = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    private static readonly XNamespace V3 = XmlPaths.Hl7;

    /// <summary>Every finding of these rules on <paramref name="document"/>.</summary>
    public static IReadOnlyList<Finding> Check(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        findings.AddRange(Body(document));
        findings.AddRange(Vsm(document));
        findings.AddRange(RecordTarget(document));
        return findings;
    }

    /// <summary>N1: nonXMLBody/text is a base64 PDF. N3: structuredBody. Neither is an error (domain.md §3.1, CDA-06).</summary>
    public static IEnumerable<Finding> Body(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var component = document.Root.Element(V3 + "component");
        var structured = component?.Element(V3 + "structuredBody");
        var nonXml = component?.Element(V3 + "nonXMLBody");
        if (structured is null && nonXml is null)
        {
            yield return CdaFindings.BodyMissing.At(document.Missing(document.Root, "cda:component/cda:structuredBody"), "Le document n'a ni structuredBody (niveau 3) ni nonXMLBody (niveau 1).");
            yield break;
        }

        if (nonXml is null)
        {
            yield break;
        }

        var text = nonXml.Element(V3 + "text");
        if (text is null)
        {
            yield return CdaFindings.NonXmlBody.At(document.Missing(nonXml, "cda:text"), "nonXMLBody sans élément text.");
            yield break;
        }

        var mediaType = (string?)text.Attribute("mediaType");
        var representation = (string?)text.Attribute("representation");
        if (!string.Equals(mediaType, "application/pdf", StringComparison.Ordinal) || !string.Equals(representation, "B64", StringComparison.Ordinal))
        {
            yield return CdaFindings.NonXmlBody.At(document.At(text), $"nonXMLBody/text doit porter mediaType=\"application/pdf\" et representation=\"B64\" (trouvé « {mediaType} », « {representation} »).");
        }
        else if (!LooksLikeBase64Pdf(text.Value))
        {
            yield return CdaFindings.NonXmlBody.At(document.At(text), "nonXMLBody/text n'est pas un PDF encodé en base64 (en-tête %PDF- absent après décodage).");
        }

        if (!document.TemplateIds.Contains(XdsSdTemplate, StringComparer.Ordinal))
        {
            yield return CdaFindings.NonXmlBody.At(document.Missing(document.Root, "cda:templateId"), $"Un document de niveau 1 porte le templateId IHE XDS-SD {XdsSdTemplate}.");
        }
    }

    /// <summary>VSM: code SYNTH in TRE_A05 (1.2.250.1.213.1.1.4.12), or 60591-5 in LOINC for IPS-FR (CDA-08).</summary>
    public static IEnumerable<Finding> Vsm(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TemplateIds.Contains(VsmTemplate, StringComparer.Ordinal))
        {
            yield break;
        }

        var code = document.Root.Element(V3 + "code");
        var value = (string?)code?.Attribute("code");
        var system = (string?)code?.Attribute("codeSystem");
        var ok = (value == "SYNTH" && system == "1.2.250.1.213.1.1.4.12") || (value == "60591-5" && system == "2.16.840.1.113883.6.1");
        if (!ok)
        {
            yield return CdaFindings.VsmCode.At(
                code is null ? document.Missing(document.Root, "cda:code") : document.At(code),
                $"Un VSM ({VsmTemplate}) a pour code SYNTH@1.2.250.1.213.1.1.4.12 ou 60591-5@LOINC (trouvé « {value} »@« {system} »).");
        }
    }

    /// <summary>The patient of recordTarget (CI-SIS recordTarget_fr; domain.md §2.4, CDA-05).</summary>
    public static IEnumerable<Finding> RecordTarget(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var role = document.Root.Element(V3 + "recordTarget")?.Element(V3 + "patientRole");
        if (role is null)
        {
            // Note: a missing recordTarget is CDA-1011, reported by the header participants check.
            yield break;
        }

        foreach (var id in role.Elements(V3 + "id").Where(id => id.Attribute("nullFlavor") is not null))
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.At(id), "patientRole/id ne doit pas être nullFlavor.");
        }

        var patient = role.Element(V3 + "patient");
        if (patient is null)
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.Missing(role, "cda:patient"), "patientRole sans patient.");
            yield break;
        }

        foreach (var forbidden in new[] { "raceCode", "religiousAffiliationCode", "ethnicGroupCode" })
        {
            foreach (var element in patient.Elements(V3 + forbidden))
            {
                yield return CdaFindings.RecordTargetIdentity.At(document.At(element), $"{forbidden} interdit dans l'en-tête CI-SIS.");
            }
        }

        if (patient.Element(V3 + "birthTime") is null)
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.Missing(patient, "cda:birthTime"), "birthTime du patient obligatoire.");
        }

        var names = patient.Elements(V3 + "name").ToList();
        foreach (var family in names.Elements(V3 + "family"))
        {
            var qualifier = (string?)family.Attribute("qualifier");
            if (qualifier is not null && qualifier is not ("BR" or "SP" or "CL"))
            {
                yield return CdaFindings.RecordTargetIdentity.At(document.At(family), $"family@qualifier « {qualifier} » hors de BR, SP, CL.");
            }
        }

        foreach (var given in names.Elements(V3 + "given"))
        {
            var qualifier = (string?)given.Attribute("qualifier");
            if (qualifier is not null && qualifier is not ("BR" or "CL"))
            {
                yield return CdaFindings.RecordTargetIdentity.At(document.At(given), $"given@qualifier « {qualifier} » hors de BR, CL.");
            }
        }

        var ins = role.Elements(V3 + "id").FirstOrDefault(id => InsOids.Contains((string?)id.Attribute("root") ?? string.Empty, StringComparer.Ordinal));
        if (ins is null)
        {
            yield break;
        }

        // Note: with an INS, the birth name (family with qualifier), a given name, birthTime and gender are required.
        if (!names.Elements(V3 + "family").Any(f => f.Attribute("qualifier") is not null && !string.IsNullOrWhiteSpace(f.Value)))
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.Missing(patient, "cda:name/cda:family[@qualifier]"), "Avec une INS, le nom de naissance (family qualifié) est obligatoire.");
        }

        if (!names.Elements(V3 + "given").Any(g => !string.IsNullOrWhiteSpace(g.Value)))
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.Missing(patient, "cda:name/cda:given"), "Avec une INS, un prénom (given) est obligatoire.");
        }

        if (patient.Element(V3 + "administrativeGenderCode")?.Attribute("code") is null)
        {
            yield return CdaFindings.RecordTargetIdentity.At(document.Missing(patient, "cda:administrativeGenderCode"), "Avec une INS, administrativeGenderCode est obligatoire.");
        }
    }

    private static bool LooksLikeBase64Pdf(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length < 8)
        {
            return false;
        }

        var head = compact[..8];
        try
        {
            var bytes = Convert.FromBase64String(head);
            return bytes.AsSpan().StartsWith("%PDF-"u8);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// What an XDSDocumentEntry must say of the CDA it designates (CI-SIS VIHF/XDS mapping, domain.md §3.3; §8.3 DMP-03,
/// DMP-04, DMP-05): uniqueId = id, patientId = the recordTarget INS as <c>INS^^^&amp;OID&amp;ISO^NH</c> (or, without INS,
/// one of the recordTarget ids), typeCode = code, creationTime = effectiveTime and serviceStartTime = serviceEvent start
/// (in UTC), languageCode, healthcareFacilityTypeCode and practiceSettingCode = the CDA context codes, and the CDA
/// confidentialityCode among the entry's.
/// </summary>
internal static partial class XdmCdaAgreement
{
    private static readonly XNamespace V3 = XmlPaths.Hl7;

    public static IEnumerable<Finding> Compare(XdmMetadataContext context, XElement entry, string id, XElement cda, string cdaPath, XElement? uniqueId, XElement? patientId)
    {
        var cdaIdElement = cda.Element(V3 + "id");
        var root = (string?)cdaIdElement?.Attribute("root");
        var extension = (string?)cdaIdElement?.Attribute("extension");
        var cdaId = string.IsNullOrEmpty(extension) ? root : $"{root}^{extension}";
        var unique = ((string?)uniqueId?.Attribute("value"))?.Trim();
        if (uniqueId is not null && !string.IsNullOrEmpty(unique) && unique != cdaId && unique != root)
        {
            yield return XdmFindings.UniqueIdMismatch.At(context.At(uniqueId), $"DocumentEntry {id} : uniqueId « {unique} » différent de l'id du CDA {cdaPath} (« {cdaId ?? "(absent)"} »).");
        }

        if (patientId is not null && ((string?)patientId.Attribute("value"))?.Trim() is { Length: > 0 } patient && PatientProblem(patient, cda) is { } problem)
        {
            yield return XdmFindings.PatientId.At(context.At(patientId), $"DocumentEntry {id} : patientId « {patient} » {problem} (CDA {cdaPath})");
        }

        var code = cda.Element(V3 + "code");
        var typeCode = EbRim.Classifications(entry, context.List, EbRim.DocTypeCode).FirstOrDefault();
        if (typeCode is not null && code is not null)
        {
            var (value, scheme) = ((string?)typeCode.Attribute("nodeRepresentation"), EbRim.Value(typeCode, "codingScheme"));
            if (value != (string?)code.Attribute("code"))
            {
                yield return XdmFindings.TypeCodeMismatch.At(context.At(typeCode), $"DocumentEntry {id} : typeCode « {value} » différent du code du CDA {cdaPath} (« {(string?)code.Attribute("code")} »).");
            }
            else if (scheme != (string?)code.Attribute("codeSystem"))
            {
                // Note: CI-SIS metadata name coding schemes by OID (domain.md §3.3), not by a name such as "LOINC".
                yield return XdmFindings.TypeCodeMismatch.At(context.At(typeCode), $"DocumentEntry {id} : typeCode « {value} » de codingScheme « {scheme} » alors que le code du CDA {cdaPath} est dans le système {(string?)code.Attribute("codeSystem")} (OID attendu).");
            }
        }

        var effective = (string?)cda.Element(V3 + "effectiveTime")?.Attribute("value");
        if (EbRim.Value(entry, "creationTime") is { } creation && EbRim.IsDtm(creation) && effective is not null
            && !XdmMetadataConsistencyRules.SameInstant(creation, effective.Trim()))
        {
            yield return XdmFindings.TimeMismatch.At(context.At(EbRim.Slot(entry, "creationTime")!), $"DocumentEntry {id} : creationTime « {creation} » différent de effectiveTime du CDA {cdaPath} (« {effective} », ramené en UTC).");
        }

        var start = (string?)cda.Elements(V3 + "documentationOf").Select(d => d.Element(V3 + "serviceEvent")?.Element(V3 + "effectiveTime")?.Element(V3 + "low")?.Attribute("value")).FirstOrDefault(v => v is not null);
        if (EbRim.Value(entry, "serviceStartTime") is { } serviceStart && EbRim.IsDtm(serviceStart) && start is not null
            && !XdmMetadataConsistencyRules.SameInstant(serviceStart, start.Trim()))
        {
            yield return XdmFindings.TimeMismatch.At(context.At(EbRim.Slot(entry, "serviceStartTime")!), $"DocumentEntry {id} : serviceStartTime « {serviceStart} » différent du début de serviceEvent du CDA {cdaPath} (« {start} », ramené en UTC).");
        }

        var language = (string?)cda.Element(V3 + "languageCode")?.Attribute("code");
        if (EbRim.Value(entry, "languageCode") is { } declared && language is not null && !string.Equals(declared, language, StringComparison.OrdinalIgnoreCase))
        {
            yield return XdmFindings.LanguageMismatch.At(context.At(EbRim.Slot(entry, "languageCode")!), $"DocumentEntry {id} : languageCode « {declared} » différent de celui du CDA {cdaPath} (« {language} »).");
        }

        var facility = (string?)cda.Element(V3 + "componentOf")?.Element(V3 + "encompassingEncounter")?.Element(V3 + "location")
            ?.Element(V3 + "healthCareFacility")?.Element(V3 + "code")?.Attribute("code");
        foreach (var finding in ContextCode(context, entry, id, EbRim.DocFacilityType, "healthcareFacilityTypeCode", facility, "healthCareFacility/code", cdaPath))
        {
            yield return finding;
        }

        var practice = (string?)cda.Elements(V3 + "documentationOf")
            .Select(d => d.Element(V3 + "serviceEvent")?.Element(V3 + "performer")?.Element(V3 + "assignedEntity")
                ?.Element(V3 + "representedOrganization")?.Element(V3 + "standardIndustryClassCode")?.Attribute("code"))
            .FirstOrDefault(v => v is not null);
        foreach (var finding in ContextCode(context, entry, id, EbRim.DocPracticeSetting, "practiceSettingCode", practice, "standardIndustryClassCode", cdaPath))
        {
            yield return finding;
        }

        var confidentiality = (string?)cda.Element(V3 + "confidentialityCode")?.Attribute("code");
        var codes = EbRim.Classifications(entry, context.List, EbRim.DocConfidentiality);
        if (confidentiality is not null && codes.Count > 0 && !codes.Any(c => (string?)c.Attribute("nodeRepresentation") == confidentiality))
        {
            yield return XdmFindings.Confidentiality.At(context.At(codes[0]), $"DocumentEntry {id} : le confidentialityCode du CDA {cdaPath} (« {confidentiality} ») n'est pas parmi ceux des métadonnées.");
        }
    }

    private static IEnumerable<Finding> ContextCode(XdmMetadataContext context, XElement entry, string id, string scheme, string name, string? expected, string cdaElement, string cdaPath)
    {
        var declared = EbRim.Classifications(entry, context.List, scheme).FirstOrDefault();
        if (declared is not null && expected is not null && (string?)declared.Attribute("nodeRepresentation") != expected)
        {
            yield return XdmFindings.ContextCodeMismatch.At(context.At(declared), $"DocumentEntry {id} : {name} « {(string?)declared.Attribute("nodeRepresentation")} » différent de {cdaElement} du CDA {cdaPath} (« {expected} »).");
        }
    }

    /// <summary>
    /// Why <paramref name="patientId"/> is not the CDA patient, or null. With an INS in recordTarget (OID
    /// 1.2.250.1.213.1.4.8/9/10/11) it must be exactly <c>INS^^^&amp;OID&amp;ISO^NH</c> (DMP-05); without INS, a CX
    /// naming one of the recordTarget ids (local IPP, domain.md §2.4: no INS for an unqualified identity).
    /// </summary>
    internal static string? PatientProblem(string patientId, XElement cda)
    {
        var ids = cda.Element(V3 + "recordTarget")?.Element(V3 + "patientRole")?.Elements(V3 + "id")
            .Select(i => (Root: (string?)i.Attribute("root"), Extension: (string?)i.Attribute("extension")))
            .Where(i => !string.IsNullOrEmpty(i.Root) && !string.IsNullOrEmpty(i.Extension))
            .ToList() ?? [];
        var ins = ids.FirstOrDefault(i => InsIdentity.InsOids.Contains(i.Root!));
        var match = Cx().Match(patientId);
        if (ins.Root is not null)
        {
            var expected = $"{ins.Extension}^^^&{ins.Root}&ISO^NH";
            if (!InsCx().IsMatch(patientId))
            {
                return $"n'a pas la forme INS^^^&1.2.250.1.213.1.4.(8|9|10|11)&ISO^NH (attendu « {expected} », domain.md §8.3 DMP-05).";
            }

            return patientId == expected ? null : $"n'est pas l'INS du recordTarget (attendu « {expected} », domain.md §8.3 DMP-03).";
        }

        if (!match.Success)
        {
            return "n'est pas un identifiant CX id^^^&OID&ISO^type.";
        }

        return ids.Any(i => i.Extension == match.Groups["id"].Value && i.Root == match.Groups["oid"].Value)
            ? null
            : "ne désigne aucun identifiant recordTarget/patientRole/id du CDA.";
    }

    [GeneratedRegex("^(?<id>[^\\^&]+)\\^\\^\\^[^&\\^]*&(?<oid>[0-9.]+)&ISO(\\^(?<type>[A-Z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Cx();

    [GeneratedRegex("^[0-9A-Za-z]{13,15}\\^\\^\\^&1\\.2\\.250\\.1\\.213\\.1\\.4\\.(8|9|10|11)&ISO\\^NH$", RegexOptions.CultureInvariant)]
    private static partial Regex InsCx();
}

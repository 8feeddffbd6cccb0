using System.Xml.Linq;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Whether a CDA carries a qualified INS: the matricule with an INS OID and the four identity traits (domain.md §2.3,
/// §2.4, §4.4 X-MSS-INS).
/// </summary>
public static class InsIdentity
{
    /// <summary>INS OIDs: NIR, NIA, test NIR, demonstration NIR (domain.md §2.3).</summary>
    public static IReadOnlyList<string> InsOids { get; } = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    /// <summary>
    /// True when <c>recordTarget/patientRole</c> has an id with an INS OID root and a matricule extension, and the patient
    /// has a family name, a given name, <c>birthTime@value</c> and <c>administrativeGenderCode@code</c>.
    /// </summary>
    public static bool IsQualified(CdaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        XNamespace v3 = XmlPaths.Hl7;
        foreach (var role in document.Header("recordTarget").Select(target => target.Element(v3 + "patientRole")).OfType<XElement>())
        {
            var hasIns = role.Elements(v3 + "id").Any(id =>
                InsOids.Contains(id.Attribute("root")?.Value ?? string.Empty, StringComparer.Ordinal)
                && !string.IsNullOrWhiteSpace(id.Attribute("extension")?.Value));
            var patient = role.Element(v3 + "patient");
            if (!hasIns || patient is null)
            {
                continue;
            }

            var names = patient.Elements(v3 + "name").ToList();
            var traits = names.Any(name => name.Elements(v3 + "family").Any(family => !string.IsNullOrWhiteSpace(family.Value)))
                && names.Any(name => name.Elements(v3 + "given").Any(given => !string.IsNullOrWhiteSpace(given.Value)))
                && !string.IsNullOrWhiteSpace(patient.Element(v3 + "birthTime")?.Attribute("value")?.Value)
                && !string.IsNullOrWhiteSpace(patient.Element(v3 + "administrativeGenderCode")?.Attribute("code")?.Value);
            if (traits)
            {
                return true;
            }
        }

        return false;
    }
}

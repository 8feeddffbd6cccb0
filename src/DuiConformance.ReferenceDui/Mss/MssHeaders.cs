using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Computes the MSSanté headers that describe the CDA documents of an XDM attachment, by reading the CDA bytes
/// themselves (Réf#2 ECO.2.4.1/.2, domain.md §4.4): <c>X-MSS-CODECDA</c> is the comma-joined document codes, and
/// <c>X-MSS-INS</c> is <c>O</c> when at least one CDA carries a qualified INS (INS OID id, birth name, given name,
/// birth time and sex), else <c>N</c>.
/// </summary>
internal static class MssHeaders
{
    /// <summary>The header carrying the Convergence product reference, on every message.</summary>
    public const string Nil = "X-MSS-NIL";

    /// <summary>The header carrying the CDA codes.</summary>
    public const string CodeCda = "X-MSS-CODECDA";

    /// <summary>The header saying whether a qualified INS is conveyed.</summary>
    public const string Ins = "X-MSS-INS";

    private static readonly XNamespace V3 = "urn:hl7-org:v3";
    private static readonly string[] InsOids = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    /// <summary>The value of X-MSS-CODECDA for these documents.</summary>
    public static string CodeCdaValue(IEnumerable<byte[]> cdaDocuments) =>
        string.Join(",", cdaDocuments.Select(bytes => Load(bytes).Root?.Element(V3 + "code")?.Attribute("code")?.Value ?? ""));

    /// <summary>The value of X-MSS-INS for these documents: O or N.</summary>
    public static string InsValue(IEnumerable<byte[]> cdaDocuments) =>
        cdaDocuments.Any(bytes => CarriesQualifiedIns(Load(bytes))) ? "O" : "N";

    /// <summary>True when the CDA's patient has an INS id (INS OID, 15 characters) and the four INS traits.</summary>
    public static bool CarriesQualifiedIns(XDocument cda)
    {
        ArgumentNullException.ThrowIfNull(cda);
        var patientRole = cda.Root?.Element(V3 + "recordTarget")?.Element(V3 + "patientRole");
        var patient = patientRole?.Element(V3 + "patient");
        if (patientRole is null || patient is null)
        {
            return false;
        }

        var hasIns = patientRole.Elements(V3 + "id").Any(id =>
            InsOids.Contains((string?)id.Attribute("root"), StringComparer.Ordinal) && ((string?)id.Attribute("extension"))?.Length == 15);
        var name = patient.Element(V3 + "name");
        var hasBirthName = name?.Elements(V3 + "family").Any(f => (string?)f.Attribute("qualifier") == "BR" && f.Value.Length > 0) == true;
        var hasGiven = name?.Elements(V3 + "given").Any(g => g.Value.Length > 0) == true;
        var hasBirthTime = !string.IsNullOrEmpty((string?)patient.Element(V3 + "birthTime")?.Attribute("value"));
        var hasSex = !string.IsNullOrEmpty((string?)patient.Element(V3 + "administrativeGenderCode")?.Attribute("code"));
        return hasIns && hasBirthName && hasGiven && hasBirthTime && hasSex;
    }

    private static XDocument Load(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// Readers for the ebRIM 3.0 objects of an XDS/XDM SubmitObjectsRequest (IHE ITI TF-3 §4.2.3, §4.2.5): slots,
/// classifications, external identifiers and the XDS UUIDs that name them.
/// </summary>
internal static partial class EbRim
{
    public const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    public const string StableDocumentEntry = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    public const string HasMember = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";

    public const string DocAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    public const string DocClassCode = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    public const string DocConfidentiality = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    public const string DocFormatCode = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    public const string DocFacilityType = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    public const string DocPracticeSetting = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    public const string DocTypeCode = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    public const string DocPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    public const string DocUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    public const string SetAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    public const string SetContentType = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    public const string SetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    public const string SetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    public const string SetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    public static readonly XNamespace Rim = XmlPaths.Rim;

    public static string? Id(XElement element) => (string?)element.Attribute("id");

    public static XElement? Slot(XElement owner, string name) =>
        owner.Elements(Rim + "Slot").FirstOrDefault(slot => string.Equals((string?)slot.Attribute("name"), name, StringComparison.Ordinal));

    public static IReadOnlyList<string> Values(XElement? slot) =>
        slot?.Element(Rim + "ValueList")?.Elements(Rim + "Value").Select(value => value.Value.Trim()).ToList() ?? [];

    /// <summary>The first value of a slot, or null when the slot is absent or holds only blanks.</summary>
    public static string? Value(XElement owner, string name) => Values(Slot(owner, name)).FirstOrDefault(value => value.Length > 0);

    /// <summary>
    /// The classifications of <paramref name="owner"/> in <paramref name="scheme"/>: nested in it, or at the top of the
    /// RegistryObjectList with classifiedObject = its id (both are legal ebRIM, ITI TF-3 §4.2.3.1.2).
    /// </summary>
    public static IReadOnlyList<XElement> Classifications(XElement owner, XElement list, string scheme)
    {
        var id = Id(owner);
        return
        [
            .. owner.Elements(Rim + "Classification")
                .Concat(list.Elements(Rim + "Classification").Where(node => id is not null && (string?)node.Attribute("classifiedObject") == id))
                .Where(node => string.Equals((string?)node.Attribute("classificationScheme"), scheme, StringComparison.Ordinal)),
        ];
    }

    public static XElement? ExternalIdentifier(XElement owner, string scheme) =>
        owner.Elements(Rim + "ExternalIdentifier")
            .FirstOrDefault(node => string.Equals((string?)node.Attribute("identificationScheme"), scheme, StringComparison.Ordinal));

    public static string? Title(XElement owner) =>
        owner.Element(Rim + "Name")?.Elements(Rim + "LocalizedString").Select(text => (string?)text.Attribute("value")).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));

    /// <summary>
    /// A slot's value with the long-URI convention joined: several values "1|…", "2|…" make one (ITI TF-3 §4.2.3.2.24).
    /// </summary>
    public static string? JoinedValue(XElement owner, string name)
    {
        var values = Values(Slot(owner, name));
        if (values.Count > 1 && values.All(value => value.Contains('|', StringComparison.Ordinal)))
        {
            return string.Concat(values
                .Select(value => (Order: int.TryParse(value[..value.IndexOf('|', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, Text: value[(value.IndexOf('|', StringComparison.Ordinal) + 1)..]))
                .OrderBy(part => part.Order)
                .Select(part => part.Text));
        }

        return values.FirstOrDefault(value => value.Length > 0);
    }

    /// <summary>An ISO OID: digits separated by dots, at most 64 characters (ITI TF-3 §4.2.3.1.8).</summary>
    public static bool IsOid(string value) => value.Length <= 64 && OidPattern().IsMatch(value);

    /// <summary>An XDS DTM: UTC, YYYY[MM[DD[hh[mm[ss]]]]] (ITI TF-3 §4.2.3.1.7).</summary>
    public static bool IsDtm(string value) => DtmPattern().IsMatch(value);

    [GeneratedRegex("^[0-2](\\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant)]
    private static partial Regex OidPattern();

    [GeneratedRegex("^[0-9]{4}([0-9]{2}([0-9]{2}([0-9]{2}([0-9]{2}([0-9]{2})?)?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DtmPattern();
}

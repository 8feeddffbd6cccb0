using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// Finds every patient identity the DUI sent, with or without INS: FHIR Patients and CDA documents of ITI-65 bundles,
/// CDA documents and METADATA.XML patient ids inside the IHE_XDM.ZIP of MSSanté messages (domain.md §2.4, §8.1).
/// Unreadable payloads are skipped here (other checks report them).
/// </summary>
public static partial class InsEmissionReader
{
    /// <summary>FR Core extension carrying the identity status.</summary>
    public const string IdentityReliabilityUrl = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability";

    /// <summary>FR Core extension carrying the full list of birth given names.</summary>
    public const string BirthListGivenNameUrl = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name";

    /// <summary>Every emission, in recording order of their evidence.</summary>
    public static IReadOnlyList<InsEmission> ReadAll(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var order = evidence.Items.Select((item, index) => (item.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var emissions = new List<InsEmission>();
        foreach (var bundle in Iti65BundleReader.ReadAll(evidence))
        {
            if (bundle.Bundle is null)
            {
                continue;
            }

            var position = order[bundle.Item.Id];
            string? bundleStatus = null;
            foreach (var (index, patient) in bundle.EntriesOf<Patient>())
            {
                var fromPatient = FromPatient(bundle.Item.Id, position, bundle.AtEntry(index, "Patient"), bundle.Item.Id, patient);
                bundleStatus ??= fromPatient[0].Status;
                emissions.AddRange(fromPatient);
            }

            foreach (var document in CdaExtractor.FromBundle(bundle).Documents)
            {
                emissions.AddRange(FromCda(document, position, bundleStatus));
            }
        }

        foreach (var item in evidence.OfKind(EvidenceKinds.SmtpMessage))
        {
            var message = MailMessageReader.Read(evidence.Content(item));
            foreach (var document in CdaExtractor.FromMessage(item.Id, message).Documents)
            {
                emissions.AddRange(FromCda(document, order[item.Id], null));
            }

            foreach (var attachment in message.AttachmentsNamed(MailMessageReader.XdmFileName))
            {
                var bytes = MailMessageReader.Decode(attachment, out _);
                if (bytes is null)
                {
                    continue;
                }

                foreach (var metadata in XdmPackageReader.Read(bytes.Value).Metadata)
                {
                    var text = Encoding.UTF8.GetString(metadata.Content.Span);
                    foreach (Match match in XdsPatientIdRegex().Matches(text))
                    {
                        emissions.Add(new InsEmission(
                            item.Id, order[item.Id], "XDM", new FindingLocation(item.Id, $"{attachment.FileName}!{metadata.Path}", "patientId"), item.Id,
                            match.Groups["matricule"].Value, match.Groups["oid"].Value, null, null, null, 0, null, null, null, null));
                    }
                }
            }
        }

        return [.. emissions.OrderBy(emission => emission.Order)];
    }

    /// <summary>The INS identifiers of a FHIR Patient (system <c>urn:oid:</c> + an INS OID).</summary>
    public static IReadOnlyList<Identifier> InsIdentifiers(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return [.. patient.Identifier.Where(identifier => identifier.System is { } system
            && system.StartsWith("urn:oid:", StringComparison.Ordinal)
            && InsPerson.Oids.Contains(system["urn:oid:".Length..], StringComparer.Ordinal))];
    }

    /// <summary>The identity status code a Patient declares (FR Core identityReliability), or <c>null</c>.</summary>
    public static string? Status(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var reliability = patient.Extension.FirstOrDefault(extension => extension.Url == IdentityReliabilityUrl);
        return (reliability?.Extension.FirstOrDefault(extension => extension.Url == "identityStatus")?.Value as Coding)?.Code;
    }

    private static List<InsEmission> FromPatient(string evidenceId, int order, FindingLocation location, string documentKey, Patient patient)
    {
        var name = patient.Name.FirstOrDefault(candidate => candidate.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var givenList = (name?.Extension.FirstOrDefault(extension => extension.Url == BirthListGivenNameUrl)?.Value as FhirString)?.Value;
        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => "F",
            AdministrativeGender.Male => "M",
            null => null,
            var other => other.ToString(),
        };
        var birthPlace = (patient.Extension.FirstOrDefault(extension => extension.Url == "http://hl7.org/fhir/StructureDefinition/patient-birthPlace")?.Value as Address)?
            .Extension.Select(extension => extension.Value).OfType<Coding>().FirstOrDefault()?.Code;
        var status = Status(patient);
        InsEmission Make(string? matricule, string? oid) => new(
            evidenceId, order, "FHIR", location, documentKey, matricule, oid, name?.Family, name?.Given.FirstOrDefault(), givenList, name?.Given.Count() ?? 0,
            patient.BirthDate, sex, birthPlace, status);
        var ins = InsIdentifiers(patient);
        return ins.Count == 0 ? [Make(null, null)] : [.. ins.Select(identifier => Make(identifier.Value, identifier.System!["urn:oid:".Length..]))];
    }

    private static IEnumerable<InsEmission> FromCda(CdaDocument document, int order, string? status)
    {
        XNamespace v3 = XmlPaths.Hl7;
        var documentKey = document.Source.EvidenceId + "!" + document.Source.Entry;
        foreach (var role in document.Header("recordTarget").Select(target => target.Element(v3 + "patientRole")).OfType<XElement>())
        {
            var patient = role.Element(v3 + "patient");
            var name = patient?.Element(v3 + "name");
            var family = name?.Elements(v3 + "family").FirstOrDefault(element => (string?)element.Attribute("qualifier") == "BR") ?? name?.Element(v3 + "family");
            var givens = name?.Elements(v3 + "given").ToList() ?? [];
            var firstGiven = givens.FirstOrDefault(element => (string?)element.Attribute("qualifier") == "BR");
            var list = givens.FirstOrDefault(element => element.Attribute("qualifier") is null);
            var birthTime = (string?)patient?.Element(v3 + "birthTime")?.Attribute("value");
            var birthDate = birthTime is { Length: >= 8 } && DateOnly.TryParseExact(birthTime[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : birthTime;
            var sex = (string?)patient?.Element(v3 + "administrativeGenderCode")?.Attribute("code");
            var ids = role.Elements(v3 + "id").Where(id => InsPerson.Oids.Contains((string?)id.Attribute("root") ?? string.Empty, StringComparer.Ordinal)).ToList();
            InsEmission Make(XElement at, string? matricule, string? oid) => new(
                document.Source.EvidenceId, order, "CDA", document.At(at), documentKey, matricule, oid, family?.Value, firstGiven?.Value, list?.Value,
                givens.Count, birthDate, sex, null, status);
            if (ids.Count == 0)
            {
                yield return Make(role, null, null);
            }

            foreach (var id in ids)
            {
                yield return Make(id, (string?)id.Attribute("extension") ?? string.Empty, (string?)id.Attribute("root"));
            }
        }
    }

    [GeneratedRegex(@"(?<matricule>[0-9AB]{15})\^\^\^&amp;(?<oid>1\.2\.250\.1\.213\.1\.4\.[0-9]+)&amp;ISO|(?<matricule>[0-9AB]{15})\^\^\^&(?<oid>1\.2\.250\.1\.213\.1\.4\.[0-9]+)&ISO", RegexOptions.CultureInvariant)]
    private static partial Regex XdsPatientIdRegex();
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// The rules on the DUI's calls to INSi, judged from the recorded request bytes and TLS facts (domain.md §2.2, §8.1
/// INS-06, INS-07, INS-08).
/// </summary>
public static partial class InsiRequestRules
{
    /// <summary>Skip reason when INSi was never called.</summary>
    public const string NoCallReason = "Aucun appel au téléservice INSi n'a été enregistré.";

    private static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsa = "http://www.w3.org/2005/08/addressing";
    private static readonly XNamespace Lps = "urn:siram:lps";

    /// <summary>The two INSi actions (domain.md §2.2).</summary>
    public static IReadOnlyList<string> Actions { get; } =
        ["urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite", "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale"];

    /// <summary>INS-06: SOAP 1.2, a known Action, a <c>uuid:</c> MessageID, a ContexteLPS with IDAM, Version, Instance and Nom=urn:lps:….</summary>
    public static CheckResult Envelope(EvidenceSet evidence) => Each(evidence, (item, document) =>
    {
        var at = new FindingLocation(item.Id);
        if (document?.Root is not { } root || root.Name != Soap12 + "Envelope")
        {
            return [InsFindings.RequestNotSoap12.At(at, $"L'appel INSi n'est pas une enveloppe SOAP 1.2 (racine {document?.Root?.Name.ToString() ?? "illisible"}).")];
        }

        var findings = new List<Finding>();
        var header = root.Element(Soap12 + "Header");
        var action = header?.Element(Wsa + "Action")?.Value.Trim();
        if (action is null || !Actions.Contains(action, StringComparer.Ordinal))
        {
            findings.Add(InsFindings.RequestAction.At(at with { Path = "/Envelope/Header/Action" }, $"wsa:Action « {action ?? "absent"} » : attendu une action urn:ServiceIdentiteCertifiee:1.0.0:…."));
        }

        var messageId = header?.Element(Wsa + "MessageID")?.Value.Trim();
        if (messageId is null || !UuidRegex().IsMatch(messageId))
        {
            findings.Add(InsFindings.RequestMessageId.At(at with { Path = "/Envelope/Header/MessageID" }, $"wsa:MessageID « {messageId ?? "absent"} » : attendu uuid: suivi d'un UUID."));
        }

        var lps = header?.Element(Lps + "ContexteLPS");
        if (lps is null)
        {
            findings.Add(InsFindings.RequestLpsContext.At(at with { Path = "/Envelope/Header/ContexteLPS" }, "En-tête ContexteLPS absent."));
        }
        else
        {
            string? Field(string name) => lps.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value.Trim();
            var missing = new[] { "IDAM", "Version", "Instance", "Nom" }.Where(name => string.IsNullOrEmpty(Field(name))).ToList();
            if (missing.Count > 0)
            {
                findings.Add(InsFindings.RequestLpsContext.At(at with { Path = "/Envelope/Header/ContexteLPS" }, $"ContexteLPS sans {string.Join(", ", missing)}."));
            }
            else if (!Field("Nom")!.StartsWith("urn:lps:", StringComparison.Ordinal))
            {
                findings.Add(InsFindings.RequestLpsContext.At(at with { Path = "/Envelope/Header/ContexteLPS/LPS/Nom" }, $"ContexteLPS Nom « {Field("Nom")} » : attendu urn:lps:<nom>:<version>."));
            }
        }

        return findings;
    });

    /// <summary>INS-07: every call came over TLS with a client certificate issued by the simulator's test CA.</summary>
    public static CheckResult MutualTls(EvidenceSet evidence) => Each(evidence, (item, _) =>
        item.Flag(InsiProperties.ClientCertificate)
            ? []
            : [InsFindings.NoMutualTls.At(new FindingLocation(item.Id), string.IsNullOrEmpty(item.Property(InsiProperties.ClientSubject))
                ? "Appel INSi sans certificat client : le téléservice exige un certificat d'organisation (TLS mutuel)."
                : $"Appel INSi avec un certificat client non reconnu : « {item.Property(InsiProperties.ClientSubject)} ».")]);

    /// <summary>INS-08: NomNaissance in [A-Z' -], one given name, Sexe M or F, DateNaissance a valid yyyy-MM-dd date.</summary>
    public static CheckResult Traits(EvidenceSet evidence) => Each(evidence, (item, document) =>
    {
        var search = document?.Descendants().FirstOrDefault(element => element.Name.LocalName == "RECSANSVITALE");
        if (search is null)
        {
            // Note: a Vitale-card call or an unreadable request carries no traits; INS-06 judges its form.
            return [];
        }

        var at = new FindingLocation(item.Id, null, "/Envelope/Body/RECSANSVITALE");
        string? Sent(string name) => search.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
        var findings = new List<Finding>();
        var birthName = Sent("NomNaissance");
        if (birthName is null || !BirthNameRegex().IsMatch(birthName))
        {
            findings.Add(InsFindings.TraitMalformed.At(at, $"NomNaissance « {birthName ?? "absent"} » : majuscules A–Z, apostrophe, tiret et espace seulement."));
        }

        var given = Sent("Prenom");
        if (string.IsNullOrWhiteSpace(given) || given.Trim().Contains(' ', StringComparison.Ordinal) || !BirthNameRegex().IsMatch(given.Trim().ToUpperInvariant()))
        {
            findings.Add(InsFindings.TraitMalformed.At(at, $"Prenom « {given ?? "absent"} » : un seul prénom par appel."));
        }

        if (Sent("Sexe") is not ("M" or "F"))
        {
            findings.Add(InsFindings.TraitMalformed.At(at, $"Sexe « {Sent("Sexe") ?? "absent"} » : M ou F."));
        }

        if (!DateOnly.TryParseExact(Sent("DateNaissance"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            findings.Add(InsFindings.TraitMalformed.At(at, $"DateNaissance « {Sent("DateNaissance") ?? "absente"} » : date AAAA-MM-JJ attendue."));
        }

        return findings;
    });

    private static CheckResult Each(EvidenceSet evidence, Func<EvidenceItem, XDocument?, IReadOnlyList<Finding>> rule)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var requests = evidence.OfKind(EvidenceKinds.InsiRequest).ToList();
        if (requests.Count == 0)
        {
            return CheckResult.Skip(NoCallReason);
        }

        var findings = requests.SelectMany(item => rule(item, SafeXml.TryLoad(evidence.Content(item), out _))).ToList();
        return CheckResult.FromFindings(findings, [.. requests.Select(item => item.Id)]);
    }

    [GeneratedRegex("^uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^[A-Z][A-Z' -]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BirthNameRegex();
}

using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Documents;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// Reads an INSi SOAP request: a SOAP 1.2 envelope, the WS-Addressing <c>Action</c> and <c>MessageID</c>, a
/// <c>ContexteLPS</c> with IDAM, Version, Instance and Nom, and a <c>RECSANSVITALE</c> body (domain.md §2.2). Anything
/// missing is an <see cref="InsiFault"/>; the finer form of the values (uuid: prefix, upper-case name…) is left to the
/// checks, which judge the recorded bytes (domain.md §8.1 INS-06, INS-08).
/// </summary>
public static class InsiRequestParser
{
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The fields of <c>ContexteLPS</c> a request must carry (domain.md §2.2).</summary>
    public static IReadOnlyList<string> LpsFields { get; } = ["IDAM", "Version", "Instance", "Nom"];

    /// <summary>Parses <paramref name="body"/>: the request, or the fault to answer. <paramref name="action"/> is whatever Action could be read.</summary>
    public static InsiRequest? Parse(ReadOnlyMemory<byte> body, out InsiFault? fault, out string action)
    {
        action = string.Empty;
        var document = SafeXml.TryLoad(body, out var error);
        if (document?.Root is not { } root)
        {
            fault = new InsiFault(InsiFault.MalformedMessage, $"Le message n'est pas du XML bien formé : {error?.Message ?? "document vide"}.");
            return null;
        }

        if (root.Name == Soap11 + "Envelope")
        {
            fault = new InsiFault(InsiFault.MalformedMessage, "Enveloppe SOAP 1.1 reçue : le téléservice INSi attend SOAP 1.2 (espace de noms http://www.w3.org/2003/05/soap-envelope).");
            return null;
        }

        if (root.Name != InsiSoap.Envelope + "Envelope")
        {
            fault = new InsiFault(InsiFault.MalformedMessage, $"Élément racine {root.Name.LocalName} reçu : une enveloppe SOAP 1.2 (Envelope) est attendue.");
            return null;
        }

        var header = root.Element(InsiSoap.Envelope + "Header");
        action = header?.Element(InsiSoap.Addressing + "Action")?.Value.Trim() ?? string.Empty;
        if (header is null)
        {
            fault = new InsiFault(InsiFault.MissingHeader, "En-tête SOAP (Header) absent : wsa:Action, wsa:MessageID et ContexteLPS sont obligatoires.");
            return null;
        }

        if (action.Length == 0)
        {
            fault = new InsiFault(InsiFault.MissingHeader, "En-tête WS-Addressing Action absent ou vide.");
            return null;
        }

        if (string.Equals(action, InsiSoap.SearchByVitaleAction, StringComparison.Ordinal))
        {
            fault = new InsiFault(InsiFault.UnknownAction, "La recherche par carte Vitale (rechercherInsAvecCarteVitale) n'est pas simulée : utilisez la recherche par traits.");
            return null;
        }

        if (!string.Equals(action, InsiSoap.SearchByTraitsAction, StringComparison.Ordinal))
        {
            fault = new InsiFault(InsiFault.UnknownAction, $"Action « {Shorten(action)} » inconnue : attendu {InsiSoap.SearchByTraitsAction}.");
            return null;
        }

        var messageId = header.Element(InsiSoap.Addressing + "MessageID")?.Value.Trim() ?? string.Empty;
        if (messageId.Length == 0)
        {
            fault = new InsiFault(InsiFault.MissingHeader, "En-tête WS-Addressing MessageID absent ou vide.");
            return null;
        }

        var lps = header.Element(InsiSoap.Lps + "ContexteLPS");
        if (lps is null)
        {
            fault = new InsiFault(InsiFault.MissingHeader, "En-tête ContexteLPS (urn:siram:lps) absent : il identifie le logiciel appelant (IDAM, Version, Instance, Nom).");
            return null;
        }

        var missing = LpsFields.Where(field => string.IsNullOrWhiteSpace(LpsField(lps, field))).ToList();
        if (missing.Count > 0)
        {
            fault = new InsiFault(InsiFault.MissingHeader, $"ContexteLPS incomplet : {string.Join(", ", missing)} absent(s) ou vide(s).");
            return null;
        }

        var search = root.Element(InsiSoap.Envelope + "Body")?.Element(InsiSoap.RecSans + "RECSANSVITALE");
        if (search is null)
        {
            fault = new InsiFault(InsiFault.InvalidTraits, "Corps RECSANSVITALE (http://www.cnamts.fr/INSiRecSans) absent.");
            return null;
        }

        var traits = Traits(search, out fault);
        return traits is null ? null : new InsiRequest(action, messageId, LpsField(lps, "Nom")!, traits);
    }

    /// <summary>A field of <c>ContexteLPS</c>, at any depth (the LPS block may be nested), or <c>null</c>.</summary>
    public static string? LpsField(XElement lps, string localName)
    {
        ArgumentNullException.ThrowIfNull(lps);
        return lps.Descendants().FirstOrDefault(element => element.Name.LocalName == localName)?.Value.Trim();
    }

    /// <summary>A child of a body element by local name, qualified or not (clients differ), or <c>null</c>.</summary>
    public static string? Child(XElement parent, string localName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName)?.Value;
    }

    private static InsiTraits? Traits(XElement search, out InsiFault? fault)
    {
        var birthName = Child(search, "NomNaissance");
        var givenName = Child(search, "Prenom");
        var sex = Child(search, "Sexe");
        var birthDate = Child(search, "DateNaissance");
        var missing = new[] { ("NomNaissance", birthName), ("Prenom", givenName), ("Sexe", sex), ("DateNaissance", birthDate) }
            .Where(field => string.IsNullOrWhiteSpace(field.Item2)).Select(field => field.Item1).ToList();
        if (missing.Count > 0)
        {
            fault = new InsiFault(InsiFault.InvalidTraits, $"Trait(s) obligatoire(s) absent(s) de RECSANSVITALE : {string.Join(", ", missing)}.");
            return null;
        }

        if (!DateOnly.TryParseExact(birthDate!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fault = new InsiFault(InsiFault.InvalidTraits, $"DateNaissance « {Shorten(birthDate)} » invalide : format AAAA-MM-JJ attendu.");
            return null;
        }

        fault = null;
        return new InsiTraits(birthName!, givenName!, sex!, date, Child(search, "LieuNaissance"));
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}

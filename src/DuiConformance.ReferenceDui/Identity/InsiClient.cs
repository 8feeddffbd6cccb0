using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// The DUI's client of the INSi teleservice (domain.md §2.2): SOAP 1.2 over mutual TLS, action
/// <c>rechercherInsAvecTraitsIdentite</c> with WS-Addressing and a <c>ContexteLPS</c>, one given name per call, trying
/// the birth given names in order until one gives an answer other than 01 (client practice noted in domain.md §2.2).
/// The same call verifies an INS already held: the caller compares the answer with what it stores.
/// </summary>
internal sealed class InsiClient
{
    private const string SearchAction = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
    private static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsa = "http://www.w3.org/2005/08/addressing";
    private static readonly XNamespace Lps = "urn:siram:lps";
    private static readonly XNamespace Bam = "urn:siram:bam";
    private static readonly XNamespace RecSans = "http://www.cnamts.fr/INSiRecSans";
    private static readonly XNamespace Resultat = "http://www.cnamts.fr/INSiResultat";

    private readonly HttpClient? _http;
    private readonly Uri? _endpoint;
    private readonly string _lpsName;
    private readonly string _lpsVersion;
    private readonly string _idam;
    private readonly string _instance = Guid.NewGuid().ToString("D");

    public InsiClient(HttpClient? http, string? endpoint, string productName, string productVersion, string idam)
    {
        _http = http;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"InsiEndpoint doit être une URL https absolue : « {endpoint} ».", nameof(endpoint));
            }

            _endpoint = uri;
        }

        // Note: Nom = urn:lps:<name>:<version> (domain.md §2.2); the name is the product name without accents or spaces.
        var plain = productName.Normalize(NormalizationForm.FormD).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit);
        _lpsName = "urn:lps:" + new string([.. plain]) + ":" + productVersion;
        _lpsVersion = productVersion;
        _idam = idam;
    }

    /// <summary>True when an INSi endpoint is configured.</summary>
    public bool IsConfigured => _http is not null && _endpoint is not null;

    /// <summary>Looks up the usager's traits, trying each birth given name in turn while INSi answers 01.</summary>
    public async Task<InsiAnswer> SearchAsync(Usager usager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usager);
        if (!IsConfigured)
        {
            return new InsiAnswer { Error = "Aucun téléservice INSi n'est configuré (InsiEndpoint)." };
        }

        InsiAnswer answer = new() { CodeCr = "01" };
        foreach (var given in usager.BirthGivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            answer = await CallAsync(usager, given, cancellationToken).ConfigureAwait(false);
            if (answer.CodeCr != "01")
            {
                break;
            }
        }

        return answer;
    }

    private async Task<InsiAnswer> CallAsync(Usager usager, string givenName, CancellationToken cancellationToken)
    {
        var body = Request(usager, givenName);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml; charset=utf-8; action=\"" + SearchAction + "\"");
        try
        {
            using var response = await _http!.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Parse(bytes);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new InsiAnswer { Error = $"Appel au téléservice INSi impossible : {e.Message}" };
        }
    }

    private byte[] Request(Usager usager, string givenName)
    {
        var envelope = new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", Soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsa", Wsa.NamespaceName),
            new XElement(Soap + "Header",
                new XElement(Wsa + "Action", SearchAction),
                new XElement(Wsa + "MessageID", "uuid:" + Guid.NewGuid().ToString("D")),
                new XElement(Lps + "ContexteLPS",
                    new XAttribute(XNamespace.Xmlns + "ctxlps", Lps.NamespaceName),
                    new XAttribute("Nature", "CTXLPS"),
                    new XAttribute("Version", "01_00"),
                    new XElement(Lps + "Identifiant", Guid.NewGuid().ToString("D")),
                    new XElement(Lps + "Temps", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
                    new XElement(Lps + "LPS",
                        new XElement(Lps + "IDAM", new XAttribute("R", "4"), _idam),
                        new XElement(Lps + "Version", _lpsVersion),
                        new XElement(Lps + "Instance", _instance),
                        new XElement(Lps + "Nom", _lpsName))),
                new XElement(Bam + "ContexteBAM",
                    new XAttribute(XNamespace.Xmlns + "ctxbam", Bam.NamespaceName),
                    new XAttribute("Version", "01_02"),
                    new XElement(Bam + "Identifiant", Guid.NewGuid().ToString("D")))),
            new XElement(Soap + "Body",
                new XElement(RecSans + "RECSANSVITALE",
                    new XAttribute(XNamespace.Xmlns + "insi", RecSans.NamespaceName),
                    // Note: traits as INSi expects them: birth name in upper case, one given name per call (domain.md §2.2).
                    new XElement("NomNaissance", usager.BirthName.ToUpperInvariant()),
                    new XElement("Prenom", givenName.ToUpperInvariant()),
                    new XElement("Sexe", usager.Sex),
                    // Note: LieuNaissance is optional and not sent: the DUI compares the returned birth place itself.
                    new XElement("DateNaissance", usager.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), envelope).Save(writer);
        }

        return stream.ToArray();
    }

    private static InsiAnswer Parse(byte[] bytes)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new InsiAnswer { Error = $"Réponse INSi illisible : {e.Message}" };
        }

        var fault = document.Descendants(Soap + "Fault").FirstOrDefault();
        if (fault is not null)
        {
            return new InsiAnswer { Error = "Le téléservice INSi a refusé l'appel : " + (fault.Descendants(Soap + "Text").FirstOrDefault()?.Value ?? "erreur SOAP sans motif") };
        }

        var code = document.Descendants(Resultat + "CodeCR").FirstOrDefault()?.Value.Trim();
        if (code is null)
        {
            return new InsiAnswer { Error = "Réponse INSi sans compte rendu (CR/CodeCR)." };
        }

        var individu = document.Descendants(Resultat + "INDIVIDU").FirstOrDefault();
        var active = individu?.Element(Resultat + "INSACTIF");
        var tiq = individu?.Element(Resultat + "TIQ");
        if (code != "00" || active is null || tiq is null)
        {
            return new InsiAnswer { CodeCr = code };
        }

        string? Value(XElement parent, string name) => parent.Descendants(Resultat + name).FirstOrDefault()?.Value.Trim();
        var ins = Value(active, "NumIdentifiant") + Value(active, "Cle");
        return new InsiAnswer
        {
            CodeCr = code,
            Ins = InsNumber.IsValid(ins) ? ins : null,
            Oid = Value(active, "OID"),
            BirthName = Value(tiq, "NomNaissance"),
            GivenNames = Value(tiq, "ListePrenom"),
            Sex = Value(tiq, "Sexe"),
            BirthDate = DateOnly.TryParseExact(Value(tiq, "DateNaissance"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            BirthPlace = Value(tiq, "LieuNaissance"),
            Error = InsNumber.IsValid(ins) ? null : $"Matricule INS renvoyé invalide : « {ins} ».",
        };
    }
}

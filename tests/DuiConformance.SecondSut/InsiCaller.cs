using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

namespace DuiConformance.SecondSut;

/// <summary>
/// Calls the INSi teleservice (SOAP 1.2, mutual TLS) with a request written as text and reads the answer with
/// <see cref="XmlDocument"/>: one call per birth given name while the answer is 01.
/// </summary>
public static class InsiCaller
{
    private const string Action = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
    private const string Envelope = """
        <?xml version="1.0" encoding="UTF-8"?>
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header><a:Action>{0}</a:Action><a:MessageID>uuid:{1}</a:MessageID>
        <lps:ContexteLPS xmlns:lps="urn:siram:lps" Nature="CTXLPS" Version="01_00"><lps:Identifiant>{2}</lps:Identifiant><lps:Temps>{3}</lps:Temps>
        <lps:LPS><lps:IDAM R="4">SECOND-SUT-IDAM</lps:IDAM><lps:Version>1.0</lps:Version><lps:Instance>{4}</lps:Instance><lps:Nom>urn:lps:secondsut:1.0</lps:Nom></lps:LPS></lps:ContexteLPS>
        <bam:ContexteBAM xmlns:bam="urn:siram:bam" Version="01_02"><bam:Identifiant>{5}</bam:Identifiant></bam:ContexteBAM></s:Header>
        <s:Body><r:RECSANSVITALE xmlns:r="http://www.cnamts.fr/INSiRecSans"><NomNaissance>{6}</NomNaissance><Prenom>{7}</Prenom><Sexe>{8}</Sexe><DateNaissance>{9}</DateNaissance></r:RECSANSVITALE></s:Body>
        </s:Envelope>
        """;

    private static readonly string Instance = Guid.NewGuid().ToString();

    /// <summary>The answer: code (00/01/02), and on 00 the INS, its OID and the identity traits; or an error.</summary>
    public sealed record Answer(string Code, string? Ins, string? Oid, string? BirthName, string? GivenNames, string? Sex, string? BirthDate, string? BirthPlace, string? Error);

    public static async Task<Answer> SearchAsync(Links links, Resident resident, CancellationToken ct)
    {
        if (links.InsiEndpoint is null || links.InsiClient is null)
        {
            return new Answer("", null, null, null, null, null, null, null, "INSi non configuré");
        }

        using var handler = new HttpClientHandler { UseProxy = false, ClientCertificateOptions = ClientCertificateOption.Manual };
        handler.ClientCertificates.Add(links.InsiClient);
        handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || links.Trusts(certificate);
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        Answer? last = null;
        foreach (var given in resident.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var xml = string.Format(CultureInfo.InvariantCulture, Envelope, Action, Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                Instance, Guid.NewGuid(), Escape(resident.BirthName), Escape(given), Escape(resident.Sex), Escape(resident.BirthDate));
            using var content = new StringContent(xml, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{Action}\"");
            try
            {
                using var response = await http.PostAsync(new Uri(links.InsiEndpoint), content, ct);
                last = Read(await response.Content.ReadAsStringAsync(ct));
            }
            catch (HttpRequestException exception)
            {
                return new Answer("", null, null, null, null, null, null, null, "INSi injoignable : " + exception.Message);
            }

            if (last.Code != "01")
            {
                return last;
            }
        }

        return last ?? new Answer("", null, null, null, null, null, null, null, "aucun prénom de naissance");
    }

    private static Answer Read(string xml)
    {
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            document.LoadXml(xml);
        }
        catch (XmlException exception)
        {
            return new Answer("", null, null, null, null, null, null, null, "réponse INSi illisible : " + exception.Message);
        }

        string? First(string localName) => document.GetElementsByTagName(localName, "http://www.cnamts.fr/INSiResultat") is { Count: > 0 } list ? list[0]!.InnerText.Trim() : null;
        var code = First("CodeCR");
        if (code is null)
        {
            return new Answer("", null, null, null, null, null, null, null, "réponse INSi sans CodeCR (faute SOAP ?)");
        }

        var number = First("NumIdentifiant");
        var key = First("Cle");
        return new Answer(code, number is null ? null : number + key, First("OID"), First("NomNaissance"), First("ListePrenom"), First("Sexe"), First("DateNaissance"), First("LieuNaissance"), null);
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}

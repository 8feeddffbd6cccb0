using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using DuiConformance.Simulators.Insi;

namespace DuiConformance.Simulators.Tests.Insi;

/// <summary>An HTTPS client for the INSi simulator that trusts its test CA and presents a chosen client certificate.</summary>
internal static class InsiTestClient
{
    public static HttpClient Create(InsiCertificates certificates, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { clientCertificate };
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == certificates.Server.GetCertHashString();
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<(int Status, XDocument Body)> PostAsync(HttpClient client, Uri endpoint, string body, string contentType = "application/soap+xml; charset=utf-8")
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(endpoint, content).WaitAsync(TimeSpan.FromSeconds(10));
        var bytes = await response.Content.ReadAsByteArrayAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return ((int)response.StatusCode, XDocument.Parse(Encoding.UTF8.GetString(bytes)));
    }

    /// <summary>A look-up request as a well-behaved LPS sends it (domain.md §2.2).</summary>
    public static string SearchRequest(string birthName, string givenName, string sex, string birthDate, string? birthPlace = null,
        bool withLps = true, bool withMessageId = true, string action = InsiSoap.SearchByTraitsAction, string envelopeNamespace = "http://www.w3.org/2003/05/soap-envelope")
    {
        var lps = withLps
            ? """
              <ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps" Nature="CTXLPS" Version="01_00">
                <ctxlps:Identifiant>1f7a3c1e-0000-4000-8000-000000000001</ctxlps:Identifiant>
                <ctxlps:LPS>
                  <ctxlps:IDAM R="4">DUICONF-TEST</ctxlps:IDAM>
                  <ctxlps:Version>0.1.0</ctxlps:Version>
                  <ctxlps:Instance>1f7a3c1e-0000-4000-8000-000000000002</ctxlps:Instance>
                  <ctxlps:Nom>urn:lps:dui-reference:0.1.0</ctxlps:Nom>
                </ctxlps:LPS>
              </ctxlps:ContexteLPS>
              """
            : "";
        var messageId = withMessageId ? "<wsa:MessageID>uuid:1f7a3c1e-0000-4000-8000-000000000003</wsa:MessageID>" : "";
        var place = birthPlace is null ? "" : $"<LieuNaissance>{birthPlace}</LieuNaissance>";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <soap:Envelope xmlns:soap="{envelopeNamespace}" xmlns:wsa="http://www.w3.org/2005/08/addressing">
              <soap:Header>
                <wsa:Action>{action}</wsa:Action>
                {messageId}
                {lps}
                <ctxbam:ContexteBAM xmlns:ctxbam="urn:siram:bam" Version="01_02"><ctxbam:Identifiant>x</ctxbam:Identifiant></ctxbam:ContexteBAM>
              </soap:Header>
              <soap:Body>
                <insi:RECSANSVITALE xmlns:insi="http://www.cnamts.fr/INSiRecSans">
                  <NomNaissance>{birthName}</NomNaissance><Prenom>{givenName}</Prenom><Sexe>{sex}</Sexe><DateNaissance>{birthDate}</DateNaissance>{place}
                </insi:RECSANSVITALE>
              </soap:Body>
            </soap:Envelope>
            """;
    }

    public static string? CodeCr(XDocument answer) => answer.Descendants(InsiSoap.Resultat + "CodeCR").SingleOrDefault()?.Value;

    public static string? FaultSubcode(XDocument answer) =>
        answer.Descendants(InsiSoap.Envelope + "Subcode").SingleOrDefault()?.Element(InsiSoap.Envelope + "Value")?.Value;

    public static string? FaultReason(XDocument answer) => answer.Descendants(InsiSoap.Envelope + "Text").SingleOrDefault()?.Value;
}

using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace DuiConformance.SecondSut;

/// <summary>
/// Where the national services are, as the harness said in <c>POST configure</c> (or a script in <c>POST /api/links</c>):
/// FHIR base, PSC token endpoint and credentials, SMTP submission and mailbox, INSi endpoint and client certificate,
/// trusted server certificates.
/// </summary>
public sealed class Links
{
    public string? FhirBase { get; private init; }
    public string? TokenEndpoint { get; private init; }
    public string ClientId { get; private init; } = "";
    public string ClientSecret { get; private init; } = "";
    public string Username { get; private init; } = "";
    public string Password { get; private init; } = "";
    public string SmtpHost { get; private init; } = "127.0.0.1";
    public int SmtpPort { get; private init; }
    public string SmtpUser { get; private init; } = "";
    public string SmtpPassword { get; private init; } = "";
    public string Sender { get; private init; } = "";
    public string? InsiEndpoint { get; private init; }
    public X509Certificate2? InsiClient { get; private init; }
    public IReadOnlyList<X509Certificate2> Trusted { get; private init; } = [];

    /// <summary>Reads the configuration document; a wrong type of value raises <see cref="FormatException"/>.</summary>
    public static Links From(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string S(string section, string key) => body[section]?[key]?.GetValue<string>() ?? "";
        var trusted = new List<X509Certificate2>();
        foreach (var pem in (body["trustedCertificatesPem"] as JsonArray ?? []).Select(node => node?.GetValue<string>()))
        {
            if (!string.IsNullOrEmpty(pem))
            {
                trusted.Add(X509Certificate2.CreateFromPem(pem));
            }
        }

        if (S("insi", "serverCertificatePem") is { Length: > 0 } insiPem)
        {
            trusted.Add(X509Certificate2.CreateFromPem(insiPem));
        }

        X509Certificate2? client = null;
        if (S("insi", "clientCertificatePkcs12") is { Length: > 0 } pkcs12)
        {
            client = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pkcs12), S("insi", "clientCertificatePassword"));
        }

        return new Links
        {
            FhirBase = S("fhir", "base") is { Length: > 0 } fhir ? fhir : null,
            TokenEndpoint = S("psc", "tokenEndpoint") is { Length: > 0 } token ? token : null,
            ClientId = S("psc", "clientId"),
            ClientSecret = S("psc", "clientSecret"),
            Username = S("psc", "username"),
            Password = S("psc", "password"),
            SmtpHost = S("smtp", "host") is { Length: > 0 } host ? host : "127.0.0.1",
            SmtpPort = body["smtp"]?["port"]?.GetValue<int>() ?? 0,
            SmtpUser = S("smtp", "user"),
            SmtpPassword = S("smtp", "password"),
            Sender = S("smtp", "address"),
            InsiEndpoint = S("insi", "endpoint") is { Length: > 0 } insi ? insi : null,
            InsiClient = client,
            Trusted = trusted,
        };
    }

    /// <summary>True when the server presented one of the trusted certificates (pinning; the simulators are self-signed).</summary>
    public bool Trusts(X509Certificate? certificate) =>
        certificate is not null && Trusted.Any(trusted => trusted.RawData.AsSpan().SequenceEqual(certificate.GetRawCertData()));
}

using System.Globalization;
using System.Text.Json;

namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>
/// Turns the body of <c>POST configure</c> (profiles/hooks/openapi.yaml, schema Configuration) into new settings: the
/// simulator endpoints and credentials replace the current ones; certificates given as text are written beside the
/// SQLite file, since the DUI's clients load them from files.
/// </summary>
internal static class HooksConfigurationReader
{
    /// <summary>The new settings, or a French reason why the body is unusable.</summary>
    public static (ReferenceDuiSettings? Settings, string? Error) Read(JsonElement body, ReferenceDuiSettings current)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "le corps doit être un objet JSON");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(current.DatabasePath)) ?? Path.GetTempPath();
        var settings = current;
        if (Section(body, "fhir") is { } fhir)
        {
            settings = settings with { FhirBaseUrl = Text(fhir, "base") ?? settings.FhirBaseUrl };
        }

        if (Section(body, "psc") is { } psc)
        {
            settings = settings with
            {
                PscTokenEndpoint = Text(psc, "tokenEndpoint") ?? settings.PscTokenEndpoint,
                PscClientId = Text(psc, "clientId") ?? settings.PscClientId,
                PscClientSecret = Text(psc, "clientSecret") ?? settings.PscClientSecret,
                PscUsername = Text(psc, "username") ?? settings.PscUsername,
                PscPassword = Text(psc, "password") ?? settings.PscPassword,
            };
        }

        if (Section(body, "smtp") is { } smtp)
        {
            settings = settings with
            {
                SmtpHost = Text(smtp, "host") ?? settings.SmtpHost,
                SmtpPort = smtp.TryGetProperty("port", out var port) && port.TryGetInt32(out var value) && value is > 0 and < 65536 ? value : settings.SmtpPort,
                SmtpUser = Text(smtp, "user") ?? settings.SmtpUser,
                SmtpPassword = Text(smtp, "password") ?? settings.SmtpPassword,
                SenderAddress = Text(smtp, "address") ?? settings.SenderAddress,
            };
        }

        if (Section(body, "imap") is { } imap)
        {
            settings = settings with
            {
                ImapHost = Text(imap, "host") ?? settings.ImapHost,
                ImapPort = imap.TryGetProperty("port", out var imapPort) && imapPort.TryGetInt32(out var value) && value is > 0 and < 65536 ? value : settings.ImapPort,
                ImapUser = Text(imap, "user") ?? settings.ImapUser,
                ImapPassword = Text(imap, "password") ?? settings.ImapPassword,
            };
        }

        if (body.TryGetProperty("trustedCertificatesPem", out var trusted) && trusted.ValueKind == JsonValueKind.Array && trusted.GetArrayLength() > 0)
        {
            // Note: the simulators' SMTP/IMAP TLS certificate comes first; the reference DUI pins exactly one.
            var pem = trusted[0].GetString() ?? "";
            settings = settings with { TrustedServerCertificatePath = Write(directory, "hooks-trusted-server.pem", System.Text.Encoding.ASCII.GetBytes(pem)) };
        }

        if (Section(body, "insi") is { } insi)
        {
            settings = settings with { InsiEndpoint = Text(insi, "endpoint") ?? settings.InsiEndpoint };
            if (Text(insi, "clientCertificatePkcs12") is { } pkcs12)
            {
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(pkcs12);
                }
                catch (FormatException)
                {
                    return (null, "insi.clientCertificatePkcs12 n'est pas du base64");
                }

                settings = settings with
                {
                    InsiClientCertificatePath = Write(directory, "hooks-insi-client.p12", bytes),
                    InsiClientCertificatePassword = Text(insi, "clientCertificatePassword") ?? "",
                };
            }

            if (Text(insi, "serverCertificatePem") is { } serverPem)
            {
                settings = settings with { InsiTrustedServerCertificatePath = Write(directory, "hooks-insi-server.pem", System.Text.Encoding.ASCII.GetBytes(serverPem)) };
            }
        }

        return (settings, null);
    }

    private static JsonElement? Section(JsonElement body, string name) =>
        body.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object ? section : null;

    private static string? Text(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Write(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}-{Guid.NewGuid():N}{Path.GetExtension(name)}"));
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

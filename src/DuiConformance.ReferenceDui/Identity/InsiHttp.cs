using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DuiConformance.ReferenceDui.Security;

namespace DuiConformance.ReferenceDui.Identity;

/// <summary>The HTTP client for INSi: mutual TLS with the organisation certificate, the INSi server certificate pinned.</summary>
internal static class InsiHttp
{
    /// <summary>The client, or null when no INSi endpoint is configured.</summary>
    /// <exception cref="ArgumentException">The certificate files are missing or unreadable; the message says which.</exception>
    public static HttpClient? Create(ReferenceDuiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.InsiEndpoint))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(settings.InsiClientCertificatePath) || !File.Exists(settings.InsiClientCertificatePath))
        {
            throw new ArgumentException($"InsiClientCertificatePath : certificat client INSi introuvable (« {settings.InsiClientCertificatePath} »).", nameof(settings));
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.InsiClientCertificatePath, settings.InsiClientCertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"InsiClientCertificatePath : certificat PKCS#12 illisible ({e.Message}).", nameof(settings), e);
        }

        var pinning = ServerCertificatePinning.FromPemFile(settings.InsiTrustedServerCertificatePath);
        var handler = new SocketsHttpHandler
        {
            // Note: the INSi simulator is on loopback; a proxy from the environment must not intercept it.
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, errors) => pinning.Validate(server, errors);
        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(20), MaxResponseContentBufferSize = 1024 * 1024 };
    }
}

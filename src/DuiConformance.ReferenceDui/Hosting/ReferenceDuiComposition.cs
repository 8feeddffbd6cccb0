using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Security;
using DuiConformance.ReferenceDui.Storage;
using DuiConformance.ReferenceDui.Web;

namespace DuiConformance.ReferenceDui;

/// <summary>Builds the services a request handler uses from the settings: at start, and again when the test hooks reconfigure the DUI.</summary>
internal static class ReferenceDuiComposition
{
    /// <summary>Composes the context (HTTP clients with certificate pinning, PSC token client, DMP publisher, MSSanté sender, INSi client).</summary>
    /// <exception cref="ArgumentException">A certificate file is missing or unreadable, or an endpoint is malformed.</exception>
    public static ReferenceDuiContext Build(ReferenceDuiSettings settings, OrganisationProfile organisation, ReferenceDuiDatabase database, TimeProvider time)
    {
        var pinning = ServerCertificatePinning.FromPemFile(settings.TrustedServerCertificatePath);
        var insiHttp = Identity.InsiHttp.Create(settings);
        var http = ReferenceDuiServer.CreateHttpClient(pinning);
        var tokens = string.IsNullOrWhiteSpace(settings.PscTokenEndpoint)
            ? null
            : new PscTokenClient(
                http,
                settings.PscTokenEndpoint,
                settings.PscClientId ?? string.Empty,
                settings.PscClientSecret ?? string.Empty,
                settings.PscUsername ?? string.Empty,
                settings.PscPassword ?? string.Empty,
                time);
        var publisher = new DmpPublisher(http, settings.FhirBaseUrl, new ProvideDocumentBundleBuilder(organisation), time, tokens);
        return new ReferenceDuiContext(
            organisation,
            database,
            new DluDocumentBuilder(organisation),
            publisher,
            new MssMessageBuilder(organisation, new XdmPackageBuilder(organisation)),
            new MssSender(settings.SmtpHost, settings.SmtpPort, settings.SmtpUser, settings.SmtpPassword, pinning, tokens),
            time,
            new Identity.InsiClient(insiHttp, settings.InsiEndpoint, settings.ProductName, settings.ProductVersion, settings.InsiIdam),
            DmpServicesFor(new DmpHttp(http, settings.FhirBaseUrl, tokens), organisation, time));
    }

    private static DmpServices DmpServicesFor(DmpHttp http, OrganisationProfile organisation, TimeProvider time) =>
        new(new DmpStatusChecker(http, organisation), new DmpDocumentSearch(http, organisation), new DmpVisibilityUpdater(http, organisation, time));
}

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
        var messageBuilder = new MssMessageBuilder(organisation, new XdmPackageBuilder(organisation));
        var sender = new MssSender(settings.SmtpHost, settings.SmtpPort, settings.SmtpUser, settings.SmtpPassword, pinning, tokens)
        {
            RequestDeliveryReceipts = !organisation.Has(ReferenceDuiDefects.NoDeliveryNotify),
            ReusesRevokedToken = organisation.Has(ReferenceDuiDefects.ReusesRevokedToken),
            IgnoreSizeLimit = organisation.Has(ReferenceDuiDefects.IgnoresSizeLimit),
        };

        // Note: the MSSanté tables live in the same SQLite file; their schema is ensured once at start-up.
        var mssStore = new MssStore(settings.DatabasePath);
        var mss = new MssServices(
            mssStore,
            new MssOutbox(organisation, database, mssStore, messageBuilder, sender, settings.MssMaxMessageBytes),
            new MssReceiver(settings.ImapHost, settings.ImapPort, settings.ImapUser ?? settings.SmtpUser, settings.ImapPassword ?? settings.SmtpPassword, pinning, database, mssStore,
                tokens, organisation.Has(ReferenceDuiDefects.ReusesRevokedToken)));
        return new ReferenceDuiContext(
            organisation,
            database,
            new DluDocumentBuilder(organisation),
            publisher,
            messageBuilder,
            sender,
            time,
            new Identity.InsiClient(insiHttp, settings.InsiEndpoint, settings.ProductName, settings.ProductVersion, settings.InsiIdam),
            DmpServicesFor(new DmpHttp(http, settings.FhirBaseUrl, tokens), organisation, time),
            mss);
    }

    private static DmpServices DmpServicesFor(DmpHttp http, OrganisationProfile organisation, TimeProvider time) =>
        new(new DmpStatusChecker(http, organisation), new DmpDocumentSearch(http, organisation), new DmpVisibilityUpdater(http, organisation, time));
}

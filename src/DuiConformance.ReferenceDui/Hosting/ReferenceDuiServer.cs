using System.Net;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Security;
using DuiConformance.ReferenceDui.Storage;
using DuiConformance.ReferenceDui.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// Starts the reference DUI in the current process: checks the settings, creates the SQLite schema, builds the web
/// application and binds it to loopback. The DUI reaches the DMP and MSSanté simulators only through the addresses
/// in its settings, as a real DUI would.
/// </summary>
public static class ReferenceDuiServer
{
    private const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Starts the DUI and returns once it accepts requests.</summary>
    /// <exception cref="ArgumentException">A setting is invalid (unknown defect, non-loopback URL, malformed FINESS…); the message says which.</exception>
    public static async Task<RunningReferenceDui> StartAsync(ReferenceDuiSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var organisation = OrganisationProfile.From(settings);
        var urls = LoopbackUrls(settings.Urls);
        if (string.IsNullOrWhiteSpace(settings.DatabasePath))
        {
            throw new ArgumentException("DatabasePath est vide.", nameof(settings));
        }

        var database = new ReferenceDuiDatabase(settings.DatabasePath);
        await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var mssStore = new Storage.MssStore(settings.DatabasePath);
        await mssStore.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ReferenceDuiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Note: in-process in the CLI, the host's own appsettings/environment must not reconfigure the DUI.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = 64;
            options.ValueLengthLimit = 64 * 1024;
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });

        builder.Services.AddSingleton(TimeProvider.System);
        // Note: the context is held so that the test hooks' POST configure can replace it (profiles/hooks/openapi.yaml);
        // every request resolves the current one.
        var holder = new ReferenceDuiContextHolder(settings, ReferenceDuiComposition.Build(settings, organisation, database, TimeProvider.System));
        builder.Services.AddSingleton(holder);
        builder.Services.AddTransient(_ => holder.Current);

        var app = builder.Build();
        // Note: resolve now so that a bad FhirBaseUrl fails the start, not the first publication.
        _ = app.Services.GetRequiredService<ReferenceDuiContext>();
        app.MapReferenceDui();
        app.MapIdentityVigilance();
        if (!string.IsNullOrEmpty(settings.HooksSecret))
        {
            app.MapConformanceHooks(settings.HooksSecret, holder);
        }
        app.MapMssante();

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("Le DUI de référence n'a publié aucune adresse d'écoute.");
        return new RunningReferenceDui(app, new Uri(address.TrimEnd('/') + "/"), settings);
    }

    internal static HttpClient CreateHttpClient(ServerCertificatePinning pinning)
    {
        var handler = new SocketsHttpHandler
        {
            // Note: the DMP simulator is on loopback; a proxy from the environment must not intercept it.
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => pinning.Validate(certificate, errors);
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(30),
            MaxResponseContentBufferSize = 8 * 1024 * 1024,
        };
    }

    private static string[] LoopbackUrls(string urls)
    {
        var list = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("Urls est vide ; par exemple http://127.0.0.1:0.", nameof(urls));
        }

        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"Urls : « {url} » n'est pas une URL http absolue (par exemple http://127.0.0.1:0).", nameof(urls));
            }

            var host = uri.Host.Trim('[', ']');
            var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                // Note: the reference DUI has no authentication; it must never listen beyond loopback.
                throw new ArgumentException($"Urls : « {url} » n'est pas une adresse de bouclage (127.0.0.1, [::1] ou localhost).", nameof(urls));
            }
        }

        return list;
    }
}

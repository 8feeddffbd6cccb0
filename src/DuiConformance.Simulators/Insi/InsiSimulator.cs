using System.Globalization;
using System.Security.Authentication;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// The simulated INSi teleservice (CNAM, domain.md §2.2): SOAP 1.2 over HTTPS on loopback, asking every client for a
/// certificate issued by the run's test CA (<see cref="InsiCertificates"/>), answering look-ups by traits from an
/// identity base (<see cref="InsiIdentityBase"/>), and recording every request and answer as evidence.
/// </summary>
/// <remarks>
/// Note: the TLS handshake accepts a connection without a client certificate (ClientCertificateMode.AllowCertificate)
/// so that the refusal is a SOAP fault with a reason the DUI's logs can show, and is recorded, rather than a bare
/// handshake failure the harness could not see.
/// </remarks>
public sealed class InsiSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private InsiSimulator(WebApplication app, Uri endpoint, InsiIdentityBase identities)
    {
        _app = app;
        Endpoint = endpoint;
        Identities = identities;
    }

    /// <summary>The SOAP endpoint, e.g. <c>https://127.0.0.1:50321/insi</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The people the simulator knows.</summary>
    public InsiIdentityBase Identities { get; }

    /// <summary>Starts the server and returns once it listens.</summary>
    /// <exception cref="ArgumentException">The host is not loopback and <see cref="InsiSimulatorOptions.AllowNonLoopback"/> is false.</exception>
    /// <exception cref="HarnessException">Kestrel could not listen, or the identity base is unreadable (<see cref="HarnessCodes.InsiStartFailed"/>).</exception>
    public static async Task<InsiSimulator> StartAsync(InsiSimulatorOptions options, InsiCertificates certificates, EvidenceStore evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(evidence);
        var address = LoopbackGuard.Resolve(options.Host, options.AllowNonLoopback, nameof(options));
        InsiIdentityBase identities;
        try
        {
            identities = options.Identities ?? InsiIdentityBase.Load(RepositoryLayout.Fixture("identities"));
        }
        catch (InvalidDataException exception)
        {
            throw new HarnessException(HarnessCodes.InsiStartFailed, exception.Message, exception);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(InsiSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Note: the endpoint enforces MaxRequestBodySize itself with a SOAP fault; Kestrel's limit sits above it.
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize + 1;
            kestrel.Listen(address, options.Port, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = certificates.Server;
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;

                // Note: judged by the endpoint (InsiCertificates.ClientProblem), which answers a recorded SOAP fault.
                https.ClientCertificateValidation = (_, _, _) => true;
            }));
        });
        builder.Services.AddSingleton(evidence);
        builder.Services.AddSingleton(identities);
        builder.Services.AddSingleton(certificates);
        builder.Services.AddSingleton(options);
        var app = builder.Build();
        app.MapInsi();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new HarnessException(
                HarnessCodes.InsiStartFailed,
                string.Create(CultureInfo.InvariantCulture, $"The INSi simulator cannot listen on {address}:{options.Port}: {exception.Message}"),
                exception);
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new HarnessException(HarnessCodes.InsiStartFailed, "The INSi simulator started but reports no address.");
        return new InsiSimulator(app, new Uri(listening.TrimEnd('/') + InsiSimulatorOptions.DefaultPath), identities);
    }

    /// <summary>Stops the server, letting requests in flight finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

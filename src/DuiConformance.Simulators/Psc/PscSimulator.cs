using System.Globalization;
using DuiConformance.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// The simulated Pro Santé Connect: a minimal-API Kestrel app on loopback (port 0 by default) serving
/// <see cref="PscEndpoints"/> under the realm <c>/auth/realms/esante-wallet</c>, with a signing key generated at start.
/// Other simulators validate its tokens through <see cref="Validator"/>, in process.
/// </summary>
public sealed class PscSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PscSigningKey _key;
    private bool _stopped;

    private PscSimulator(WebApplication app, PscSigningKey key, PscTokenIssuer issuer, PscTokenValidator validator, PscSimulatorOptions options)
    {
        _app = app;
        _key = key;
        TokenIssuer = issuer;
        Validator = validator;
        Options = options;
    }

    /// <summary>The issuer (<c>iss</c>), e.g. <c>http://127.0.0.1:50124/auth/realms/esante-wallet</c>.</summary>
    public Uri Issuer => TokenIssuer.Issuer;

    /// <summary>The token endpoint (POST, form-encoded).</summary>
    public Uri TokenEndpoint => new(Issuer + PscEndpoints.TokenPath);

    /// <summary>The JWKS URL.</summary>
    public Uri JwksUri => new(Issuer + PscEndpoints.JwksPath);

    /// <summary>The OIDC discovery document URL.</summary>
    public Uri DiscoveryUri => new(Issuer + PscEndpoints.DiscoveryPath);

    /// <summary>The token revocation endpoint (RFC 7009; POST, form-encoded, client authentication as for the token endpoint).</summary>
    public Uri RevocationEndpoint => new(Issuer + PscEndpoints.RevocationPath);

    /// <summary>The tokens revoked so far; mail sessions watch it to close when their token is revoked.</summary>
    public PscRevocationList Revocations { get; private init; } = new();

    /// <summary>Mints tokens in process (for <c>serve --json</c>'s test token and for tests).</summary>
    public PscTokenIssuer TokenIssuer { get; }

    /// <summary>Checks bearer tokens this simulator issued; shared by the simulators that require one.</summary>
    public PscTokenValidator Validator { get; }

    /// <summary>The settings it runs with (registered professionals and organisations).</summary>
    public PscSimulatorOptions Options { get; }

    /// <summary>Starts the server and returns once it listens.</summary>
    /// <exception cref="ArgumentException">The host is not loopback and <see cref="PscSimulatorOptions.AllowNonLoopback"/> is false.</exception>
    /// <exception cref="HarnessException">Kestrel could not listen (<see cref="HarnessCodes.PscStartFailed"/>).</exception>
    public static async Task<PscSimulator> StartAsync(PscSimulatorOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = LoopbackGuard.Resolve(options.Host, options.AllowNonLoopback, nameof(options));
        var clock = time ?? TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PscSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize + 1;
        });
        var key = PscSigningKey.Generate();
        var realm = new PscRealm(options, key);
        builder.Services.AddSingleton(realm);
        var app = builder.Build();
        app.MapPsc();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new HarnessException(HarnessCodes.PscStartFailed, "The Pro Santé Connect simulator started but reports no address.");
            var issuer = new PscTokenIssuer(key, new Uri(listening.TrimEnd('/') + PscSimulatorOptions.RealmPath), options.Audience, options.TokenLifetime, clock);
            var validator = new PscTokenValidator(issuer.Issuer, issuer.Audience, key.PublicKey, key.KeyId, clock) { Revocations = realm.Revocations };
            realm.Validator = validator;
            realm.Issuer = issuer;
            return new PscSimulator(app, key, issuer, validator, options) { Revocations = realm.Revocations };
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            key.Dispose();
            throw new HarnessException(
                HarnessCodes.PscStartFailed,
                string.Create(CultureInfo.InvariantCulture, $"The Pro Santé Connect simulator cannot listen on {address}:{options.Port}: {exception.Message}"),
                exception);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            key.Dispose();
            throw;
        }
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
        _key.Dispose();
    }
}

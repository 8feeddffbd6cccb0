using System.Globalization;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The simulated DMP / Mon espace santé FHIR server: a minimal-API Kestrel app on loopback (port 0 by default) serving
/// <see cref="DocumentSharingEndpoints"/> under <c>/fhir</c>, quiet unless something goes wrong (log level Warning).
/// </summary>
public sealed class FhirSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FhirSimulator(WebApplication app, Uri baseAddress, DocumentRepository documents, SubmissionRefusals refusals)
    {
        _app = app;
        Refusals = refusals;
        BaseAddress = baseAddress;
        Documents = documents;
    }

    /// <summary>The FHIR base, e.g. <c>http://127.0.0.1:50123/fhir</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The resources accepted so far.</summary>
    public DocumentRepository Documents { get; }

    /// <summary>The refusals armed for the next document submissions (PDSM-07 scenarios).</summary>
    public SubmissionRefusals Refusals { get; }

    /// <summary>Starts the server and returns once it listens.</summary>
    /// <exception cref="ArgumentException">The host is not loopback and <see cref="FhirSimulatorOptions.AllowNonLoopback"/> is false.</exception>
    /// <exception cref="HarnessException">Kestrel could not listen (<see cref="HarnessCodes.FhirStartFailed"/>).</exception>
    public static async Task<FhirSimulator> StartAsync(FhirSimulatorOptions options, EvidenceStore evidence, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        var address = LoopbackGuard.Resolve(options.Host, options.AllowNonLoopback, nameof(options));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FhirSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.AddServerHeader = false;

            // Note: the endpoint enforces MaxRequestBodySize itself, answering 413 with an OperationOutcome after draining
            // the rest of the body (FhirRequestBody.DrainFactor); Kestrel's own limit sits just above so it never answers
            // first with an empty body.
            kestrel.Limits.MaxRequestBodySize = (options.MaxRequestBodySize * FhirRequestBody.DrainFactor) + 1;
        });
        var documents = new DocumentRepository();
        builder.Services.AddSingleton(evidence);
        builder.Services.AddSingleton(documents);
        var refusals = new SubmissionRefusals();
        builder.Services.AddSingleton(refusals);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        var app = builder.Build();
        app.MapDocumentSharing();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new HarnessException(
                HarnessCodes.FhirStartFailed,
                string.Create(CultureInfo.InvariantCulture, $"The FHIR simulator cannot listen on {address}:{options.Port}: {exception.Message}"),
                exception);
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new HarnessException(HarnessCodes.FhirStartFailed, "The FHIR simulator started but reports no address.");
        var baseAddress = new Uri(listening.TrimEnd('/') + DocumentSharingEndpoints.BasePath);
        return new FhirSimulator(app, baseAddress, documents, refusals);
    }

    /// <summary>Stops the server, letting requests in flight finish (at most a few seconds).</summary>
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

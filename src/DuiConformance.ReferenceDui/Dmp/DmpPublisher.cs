using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Publishes a stored document to the DMP over FHIR: POSTs the ITI-65 transaction to the configured base and reads
/// the transaction-response. Success means a 2xx answer whose entries all carry a 201 status, one per request
/// entry (PDSm, domain.md §3.4). Any other answer is reported with the server's OperationOutcome text.
/// </summary>
internal sealed class DmpPublisher
{
    /// <summary>The French status message shown when the DMP accepted the document.</summary>
    public const string SuccessMessage = "Document publié au DMP";

    private const string FhirJson = "application/fhir+json";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions ReadOptions =
        new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Recoverable);

    private readonly HttpClient _http;
    private readonly Uri? _baseUri;
    private readonly ProvideDocumentBundleBuilder _builder;
    private readonly TimeProvider _time;
    private readonly PscTokenClient? _tokens;

    // Note: with tokens set, every request carries the Pro Santé Connect token they obtain (Authorization: Bearer).
    public DmpPublisher(HttpClient http, string? fhirBaseUrl, ProvideDocumentBundleBuilder builder, TimeProvider time, PscTokenClient? tokens = null)
    {
        _tokens = tokens;
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        if (!string.IsNullOrWhiteSpace(fhirBaseUrl))
        {
            if (!Uri.TryCreate(fhirBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"FhirBaseUrl n'est pas une URL http(s) absolue : « {fhirBaseUrl} ».", nameof(fhirBaseUrl));
            }

            _baseUri = uri;
        }
    }

    /// <summary>How a publication ended, in words for the user.</summary>
    public sealed record Outcome(bool Succeeded, int? HttpStatus, string Message);

    /// <summary>Builds and POSTs the ITI-65 bundle for <paramref name="document"/>; never throws for a server or network failure.</summary>
    public async Task<Outcome> PublishAsync(Usager usager, StoredDocument document, CancellationToken cancellationToken, StoredDocument? replaces = null)
    {
        if (_baseUri is null)
        {
            return new Outcome(false, null, "Publication au DMP impossible : l'adresse du DMP (FhirBaseUrl) n'est pas configurée.");
        }

        var bundle = _builder.Build(usager, document, Cda.Hl7Time.ToSeconds(_time.GetUtcNow()), ProvideDocumentBundleBuilder.Identifiers.New(), replaces);
        var body = ProvideDocumentBundleBuilder.Serialize(bundle);
        var (response, responseBody, failure) = await PostAsync(_baseUri, body, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using (response)
        {
            var status = (int)response!.StatusCode;
            var resource = TryParse(responseBody!);
            if (!response.IsSuccessStatusCode)
            {
                var detail = resource is OperationOutcome outcome ? Describe(outcome) : Snippet(responseBody!);
                return new Outcome(false, status, $"Échec de la publication au DMP (HTTP {status}) : {detail}");
            }

            if (resource is not Bundle { Type: Bundle.BundleType.TransactionResponse } answer)
            {
                return new Outcome(false, status, $"Échec de la publication au DMP : réponse HTTP {status} sans Bundle transaction-response.");
            }

            if (answer.Entry.Count != bundle.Entry.Count)
            {
                return new Outcome(false, status,
                    $"Échec de la publication au DMP : la réponse compte {answer.Entry.Count} entrée(s) pour {bundle.Entry.Count} envoyée(s).");
            }

            for (var i = 0; i < answer.Entry.Count; i++)
            {
                var entryStatus = answer.Entry[i].Response?.Status ?? "";
                if (!entryStatus.StartsWith("201", StringComparison.Ordinal))
                {
                    var detail = answer.Entry[i].Response?.Outcome is OperationOutcome entryOutcome ? " : " + Describe(entryOutcome) : "";
                    return new Outcome(false, status,
                        $"Échec de la publication au DMP : l'entrée {i + 1} ({bundle.Entry[i].Request?.Url}) a le statut « {entryStatus} »{detail}.");
                }
            }

            return new Outcome(true, status, SuccessMessage);
        }
    }

    /// <summary>
    /// Publishes <paramref name="document"/> by ITI-105 (<c>POST [base]/DocumentReference</c>, the CDA inline); success
    /// is 201 with the created DocumentReference and its id (PDSm st_ajout_simplifie.md, PDSM-08). Never throws for a
    /// server or network failure.
    /// </summary>
    public async Task<Outcome> PublishSimplifiedAsync(Usager usager, StoredDocument document, CancellationToken cancellationToken)
    {
        if (_baseUri is null)
        {
            return new Outcome(false, null, "Publication au DMP impossible : l'adresse du DMP (FhirBaseUrl) n'est pas configurée.");
        }

        var documentReference = _builder.BuildSimplified(usager, document, Cda.Hl7Time.ToSeconds(_time.GetUtcNow()), ProvideDocumentBundleBuilder.Identifiers.New());
        var target = new Uri(_baseUri.AbsoluteUri.TrimEnd('/') + "/DocumentReference");
        var (response, responseBody, failure) = await PostAsync(target, ProvideDocumentBundleBuilder.Serialize(documentReference), cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using (response)
        {
            var status = (int)response!.StatusCode;
            var resource = TryParse(responseBody!);
            if (status != 201)
            {
                var detail = resource is OperationOutcome outcome ? Describe(outcome) : Snippet(responseBody!);
                return new Outcome(false, status, $"Échec de la publication simplifiée au DMP (HTTP {status}) : {detail}");
            }

            return resource is DocumentReference { Id: { Length: > 0 } created }
                ? new Outcome(true, status, $"{SimplifiedSuccessMessage} (fiche {created})")
                : new Outcome(false, status, "Échec de la publication simplifiée au DMP : réponse 201 sans DocumentReference identifiée.");
        }
    }

    /// <summary>The French status message shown when the DMP accepted an ITI-105 publication.</summary>
    public const string SimplifiedSuccessMessage = "Document publié au DMP (publication simplifiée ITI-105)";

    /// <summary>POSTs <paramref name="body"/> as FHIR JSON with the PSC token; the response and its body, or the failure in words.</summary>
    private async Task<(HttpResponseMessage? Response, byte[]? Body, Outcome? Failure)> PostAsync(Uri target, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson) { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        if (_tokens is not null)
        {
            var token = await _tokens.GetAsync(timeout.Token).ConfigureAwait(false);
            if (token.AccessToken is null)
            {
                return (null, null, new Outcome(false, null, $"Échec de la publication au DMP : jeton d'accès indisponible. {token.Error}"));
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        }

        HttpResponseMessage response;
        byte[] responseBody;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            responseBody = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, new Outcome(false, null, $"Échec de la publication au DMP : pas de réponse du serveur en {Timeout.TotalSeconds:0} s."));
        }
        catch (HttpRequestException e)
        {
            return (null, null, new Outcome(false, null, $"Échec de la publication au DMP : serveur injoignable ({e.Message})."));
        }

        return (response, responseBody, null);
    }

    private static Resource? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Resource>(body, ReadOptions);
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The OperationOutcome's issues in one line: severity, then diagnostics or details text.</summary>
    internal static string Describe(OperationOutcome outcome)
    {
        var issues = outcome.Issue.Select(issue =>
        {
            var text = issue.Diagnostics ?? issue.Details?.Text ?? issue.Details?.Coding.FirstOrDefault()?.Display ?? issue.Code?.ToString() ?? "";
            return $"{issue.Severity?.ToString().ToLowerInvariant() ?? "issue"} : {text}";
        }).ToList();
        return issues.Count == 0 ? "OperationOutcome sans détail." : string.Join(" ; ", issues);
    }

    private static string Snippet(byte[] body)
    {
        if (body.Length == 0)
        {
            return "réponse vide.";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
    }
}

using System.Globalization;
using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// ITI-105 Simplified Publish (IHE MHD, PDSm flow 09/10, domain.md §3.4, PDSM-08): <c>POST [base]/DocumentReference</c>
/// with the document inline in <c>content.attachment.data</c>. On success the simulator stores the bytes as a Binary,
/// points <c>attachment.url</c> at it, computes <c>size</c> and <c>hash</c>, builds the SubmissionSet List itself (so
/// ITI-66 finds it), and answers 201 with <c>Location</c> and the created DocumentReference. Otherwise 400 (unreadable
/// body, other resource type) or 422 (profile constraint, masterIdentifier already stored) with an OperationOutcome.
/// Every exchange is recorded, request before parsing, response before it is sent.
/// </summary>
public static class SimplifiedPublishEndpoint
{
    /// <summary>The interaction property value of an ITI-105 request.</summary>
    public const string SimplifiedPublish = "ITI-105";

    /// <summary>The MHD list-type code system (<c>code</c> of SubmissionSet and Folder Lists).</summary>
    public const string ListTypes = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";

    internal static RouteGroupBuilder MapSimplifiedPublish(this RouteGroupBuilder fhir)
    {
        fhir.MapPost("/DocumentReference", PublishAsync).AddEndpointFilter(new AccessTokenFilter(SimplifiedPublish));
        return fhir;
    }

    /// <summary>Handles one ITI-105 publication (see the type summary).</summary>
    public static async Task<Utf8ContentHttpResult> PublishAsync(
        HttpRequest request,
        EvidenceStore evidence,
        DocumentRepository repository,
        FhirSimulatorOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var exchange = FhirExchange.Begin(evidence, request);
        var body = await FhirRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, SimplifiedPublish, cancellationToken).ConfigureAwait(false);
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status413PayloadTooLarge, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.BodyTooLarge,
                OperationOutcome.IssueType.TooCostly,
                string.Create(CultureInfo.InvariantCulture, $"Corps de requête supérieur à la limite du simulateur ({options.MaxRequestBodySize} octets).")))).ConfigureAwait(false);
        }

        await exchange.RecordRequestAsync(body, SimplifiedPublish, cancellationToken).ConfigureAwait(false);
        if (DocumentSharingEndpoints.TakeRefusal(request) is { } refusal)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, refusal.Status, refusal.ToOperationOutcome()).ConfigureAwait(false);
        }

        try
        {
            return await ProcessAsync(exchange, request, body, repository, options, time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Note: a simulator bug answers 500 with an OperationOutcome (and is recorded), never a dropped connection.
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status500InternalServerError, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.SimulatorFault,
                OperationOutcome.IssueType.Exception,
                $"Erreur interne du simulateur : {exception.GetType().Name}: {exception.Message}"))).ConfigureAwait(false);
        }
    }

    private static async Task<Utf8ContentHttpResult> ProcessAsync(FhirExchange exchange, HttpRequest request, byte[] body, DocumentRepository repository, FhirSimulatorOptions options, DateTimeOffset now)
    {
        var (resource, status, refusal) = FhirResourceReader.Read(request.ContentType, body, options);
        if (resource is null)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, status, refusal!).ConfigureAwait(false);
        }

        if (resource is not DocumentReference document)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status400BadRequest, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.SimplifiedPublishNotADocumentReference,
                OperationOutcome.IssueType.Invalid,
                $"ITI-105 attend une ressource DocumentReference, reçu {resource.TypeName}.",
                resource.TypeName))).ConfigureAwait(false);
        }

        var issues = SimplifiedPublishRules.Check(document);
        if (issues.Count > 0)
        {
            // Note: PDSm st_ajout_simplifie.md — a document that breaks the profile gets 422 with an OperationOutcome.
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status422UnprocessableEntity, FhirIssue.ToOperationOutcome(issues)).ConfigureAwait(false);
        }

        // Note: ITI-105 feeds the DMP as ITI-65 does, so the same refusal of an absent, closed or opposed DMP applies
        // (PDSm4DMP TD2 = ITI-105 or ITI-65; domain.md §8.3 DMP-09); the INS comes from the contained Patient or subject.
        if (DmpStatusEndpoints.FeedingRefusal(options.DmpRegistry, [document, .. document.Contained]) is { } dmpRefusal)
        {
            var dmpStatus = dmpRefusal.Finding == FhirSimulatorFindings.DmpAbsent ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
            return await DocumentSharingEndpoints.RespondAsync(exchange, dmpStatus, DocumentSharingEndpoints.Outcome(dmpRefusal)).ConfigureAwait(false);
        }

        var stored = Prepare(document, now);
        try
        {
            repository.AddAll(stored);
        }
        catch (DuplicateDocumentException duplicate)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status422UnprocessableEntity, DocumentSharingEndpoints.Outcome(duplicate.ToIssue("DocumentReference.masterIdentifier"))).ConfigureAwait(false);
        }

        // Note: FHIR R4 §3.1.0.8 create — 201 with Location (version-specific) and ETag; the body is the stored resource.
        var location = $"{DocumentSharingEndpoints.BaseUrl(request)}/DocumentReference/{document.Id}/_history/1";
        request.HttpContext.Response.Headers.Location = location;
        request.HttpContext.Response.Headers.ETag = "W/\"1\"";
        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status201Created, document).ConfigureAwait(false);
    }

    /// <summary>
    /// Turns the publication into what the repository keeps: one Binary per content (its data), the DocumentReference
    /// pointing at them with server-computed size and SHA-1 hash, and a SubmissionSet List holding the document.
    /// </summary>
    private static List<Resource> Prepare(DocumentReference document, DateTimeOffset now)
    {
        var stored = new List<Resource>();
        foreach (var content in document.Content)
        {
            var attachment = content.Attachment;
            var data = attachment.Data ?? throw new InvalidOperationException("Prepare called on a document that fails SimplifiedPublishRules.");
            var binary = new Binary { Id = NewId(), ContentType = attachment.ContentType, Data = data, Meta = Version(now) };
            stored.Add(binary);
            attachment.Data = null;
            attachment.Url = "Binary/" + binary.Id;
            attachment.SizeElement = new UnsignedInt(data.Length);
            attachment.Hash = SimplifiedPublishRules.Sha1(data);
        }

        document.Id = NewId();
        document.Meta = Version(now, document.Meta);
        stored.Add(document);

        // Note: IHE MHD ITI-105 — the Document Recipient, not the source, makes the SubmissionSet of a simplified
        // publication; it carries the document's patient and the reception time.
        var submissionSet = new List
        {
            Id = NewId(),
            Meta = Version(now),
            Status = List.ListStatus.Current,
            Mode = ListMode.Working,
            Code = new CodeableConcept(ListTypes, "submissionset"),
            Subject = document.Subject is { } subject ? new ResourceReference(subject.Reference) { Identifier = subject.Identifier } : null,
            Date = now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            Identifier = [new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + Guid.NewGuid().ToString("D")) { Use = Identifier.IdentifierUse.Usual }],
            Entry = [new List.EntryComponent { Item = new ResourceReference("DocumentReference/" + document.Id) }],
        };
        stored.Add(submissionSet);
        return stored;
    }

    private static Meta Version(DateTimeOffset now, Meta? existing = null)
    {
        var meta = existing ?? new Meta();
        meta.VersionId = "1";
        meta.LastUpdated = now;
        return meta;
    }

    private static string NewId() => Guid.NewGuid().ToString("D");
}

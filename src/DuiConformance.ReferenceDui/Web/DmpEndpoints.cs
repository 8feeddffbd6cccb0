using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The DMP routes beyond the first publication: search and retrieval from the usager's page, a new version replacing
/// the published one, masking; and the DMP status question every publication asks first (domain.md §3.4–3.6).
/// </summary>
internal static class DmpEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void MapDmp(this IEndpointRouteBuilder app)
    {
        app.MapPost("/usagers/{id:long}/dmp/recherche", SearchAsync);
        app.MapPost("/documents/{id:long}/nouvelle-version", ReplaceAsync);
        app.MapPost("/documents/{id:long}/visibilite", MaskAsync);
    }

    /// <summary>
    /// Publishes <paramref name="document"/> once the DMP said it may be fed (TD0.2: present, open, no opposition);
    /// otherwise nothing is sent and the outcome says why, in French (domain.md §8.3 DMP-09).
    /// </summary>
    /// <remarks>With <paramref name="simplified"/>, the publication is an ITI-105 simplified publish (PDSM-08) instead of an ITI-65 transaction.</remarks>
    public static async Task<DmpPublisher.Outcome> PublishCheckedAsync(ReferenceDuiContext dui, Usager usager, StoredDocument document, StoredDocument? replaces, CancellationToken ct, bool simplified = false)
    {
        var identity = ExchangeIdentity.For(usager, dui.Organisation);
        if (dui.Dmp is { } dmp)
        {
            var verdict = await dmp.Status.CheckAsync(identity, ct).ConfigureAwait(false);
            if (!verdict.MayFeed)
            {
                return new DmpPublisher.Outcome(false, null, verdict.Message);
            }
        }

        var outcome = simplified
            ? await dui.DmpPublisher.PublishSimplifiedAsync(identity, document, ct).ConfigureAwait(false)
            : await dui.DmpPublisher.PublishAsync(identity, document, ct, replaces).ConfigureAwait(false);
        return HideRefusal(dui, outcome);
    }

    /// <summary>
    /// The outcome the user sees: the DMP's own, or with the defect <c>hides-dmp-error</c>, a success in place of a refusal
    /// the DMP answered (an HTTP status), as a DUI that only checks the connection would (PDSM-07, DUI-DMP-13).
    /// </summary>
    public static DmpPublisher.Outcome HideRefusal(ReferenceDuiContext dui, DmpPublisher.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(dui);
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Succeeded && outcome.HttpStatus is not null && dui.Organisation.Has(ReferenceDuiDefects.HidesDmpError)
            ? new DmpPublisher.Outcome(true, outcome.HttpStatus, DmpPublisher.SuccessMessage)
            : outcome;
    }

    private static async Task<IResult> SearchAsync(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null || dui.Dmp is null)
        {
            return dui.Page("Usager introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var result = await dui.Dmp.Search.SearchAsync(ExchangeIdentity.For(usager, dui.Organisation), ct).ConfigureAwait(false);
        var documents = await dui.Database.ListDocumentsAsync(id, ct).ConfigureAwait(false);
        return dui.Page($"Usager n° {usager.Id.ToString(CultureInfo.InvariantCulture)}",
            DmpPages.SearchResult(result) + UsagerPages.Record(usager, documents, justSaved: false, generatedDocumentId: null),
            result.Error is null ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> ReplaceAsync(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var previous = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = previous is null ? null : await dui.Database.GetUsagerAsync(previous.UsagerId, ct).ConfigureAwait(false);
        if (previous is null || usager is null)
        {
            return dui.Page("Document introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        // Note: a new version keeps the setId, takes a new document id and versionNumber + 1, and names the one it
        // replaces (CDA relatedDocument RPLC; DocumentReference relatesTo replaces) — domain.md §3.3–3.4, PDSM-11.
        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var cda = dui.DluBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation),
            new DluDocumentBuilder.Request(Oids.NewRandom(), previous.SetIdOid, previous.Version + 1, now, previous.DocumentOid));
        var stored = await dui.Database.InsertDocumentAsync(StoredDocument.From(cda, usager.Id, now), ct).ConfigureAwait(false);
        var outcome = await PublishCheckedAsync(dui, usager, stored, previous, ct).ConfigureAwait(false);
        await dui.Database.InsertPublicationAsync(stored.Id, dui.Time.GetUtcNow(), outcome.Succeeded, outcome.HttpStatus, outcome.Message, ct).ConfigureAwait(false);
        var documentId = $"document n° <span data-testid=\"document-id\">{stored.Id.ToString(CultureInfo.InvariantCulture)}</span>";
        var message = outcome.Succeeded
            ? Status($"{E(DmpPages.ReplacedMessage)} : {documentId}, version {stored.Version.ToString(CultureInfo.InvariantCulture)}.")
            : Alert($"<p>Nouvelle version du document non publiée au DMP ({documentId}) : {E(outcome.Message)}</p>");
        return await ReferenceDuiEndpoints.DocumentPageAsync(dui, stored.Id, message, "", outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, ct)
            .ConfigureAwait(false);
    }

    private static async Task<IResult> MaskAsync(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        if (document is null || dui.Dmp is null)
        {
            return dui.Page("Document introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var form = await ReferenceDuiEndpoints.ReadFormAsync(http, ct).ConfigureAwait(false);
        var level = form?["niveau"].ToString();
        var display = level switch
        {
            "MASQUE_PS" => "Masqué aux professionnels de santé",
            "INVISIBLE_PATIENT" => "Non visible par le patient",
            _ => null,
        };
        if (display is null)
        {
            return await ReferenceDuiEndpoints.DocumentPageAsync(dui, id, Alert("<p>Niveau de masquage inconnu.</p>"), "", StatusCodes.Status400BadRequest, ct).ConfigureAwait(false);
        }

        var outcome = await dui.Dmp.Visibility.MaskAsync(document, level!, display, ct).ConfigureAwait(false);
        var message = outcome.Succeeded
            ? Status(E($"{outcome.Message} : {display.ToLowerInvariant()}."))
            : Alert($"<p>Visibilité du document inchangée dans le DMP. {E(outcome.Message)}</p>");
        return await ReferenceDuiEndpoints.DocumentPageAsync(dui, id, message, "", outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, ct)
            .ConfigureAwait(false);
    }
}

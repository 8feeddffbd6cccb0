using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Storage;
using MimeKit;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The HTTP surface of the reference DUI: the French pages (forms posted with plain HTML, Post/Redirect/Get where a
/// record is created) and <c>GET /about</c>. Handlers read forms explicitly; hostile input gets a 400 page.
/// </summary>
internal static class ReferenceDuiEndpoints
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Maps every route of the DUI.</summary>
    public static void MapReferenceDui(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ListUsagers);
        app.MapGet("/about", About);
        app.MapGet("/usagers/nouveau", NewUsagerForm);
        app.MapPost("/usagers/nouveau", CreateUsager);
        app.MapGet("/usagers/reprise", RepriseForm);
        app.MapPost("/usagers/reprise", TakeOverUsager);
        app.MapGet("/usagers/{id:long}", ShowUsager);
        app.MapPost("/usagers/{id:long}/dlu", GenerateDlu);
        app.MapGet("/documents/{id:long}", ShowDocument);
        app.MapGet("/documents/{id:long}/cda.xml", DownloadCda);
        app.MapPost("/documents/{id:long}/dmp", PublishToDmp);
        app.MapPost("/documents/{id:long}/dmp-simplifie", PublishSimplifiedToDmp);
        app.MapPost("/documents/{id:long}/mssante", SendByMss);
        app.MapDmp();
    }

    private static async Task<IResult> ListUsagers(ReferenceDuiContext dui, CancellationToken ct)
    {
        var usagers = await dui.Database.ListUsagersAsync(ct).ConfigureAwait(false);
        return dui.Page("Usagers", UsagerPages.List(usagers));
    }

    private static IResult About(ReferenceDuiContext dui) =>
        Results.Json(new AboutResponse(dui.Organisation.ProductName, dui.Organisation.ProductVersion, dui.DefectList));

    private static IResult NewUsagerForm(ReferenceDuiContext dui) =>
        dui.Page("Nouvel usager", UsagerPages.Form(new UsagerInput(), new Dictionary<string, string>()));

    private static IResult RepriseForm(ReferenceDuiContext dui) =>
        dui.Page("Reprise d'un dossier", UsagerPages.Form(new UsagerInput(), new Dictionary<string, string>(), reprise: true));

    private static Task<IResult> CreateUsager(HttpContext http, ReferenceDuiContext dui, CancellationToken ct) =>
        SaveUsagerAsync(http, dui, reprise: false, ct);

    private static Task<IResult> TakeOverUsager(HttpContext http, ReferenceDuiContext dui, CancellationToken ct) =>
        SaveUsagerAsync(http, dui, reprise: true, ct);

    private static async Task<IResult> SaveUsagerAsync(HttpContext http, ReferenceDuiContext dui, bool reprise, CancellationToken ct)
    {
        var form = await ReadFormAsync(http, ct).ConfigureAwait(false);
        if (form is null)
        {
            return dui.Page("Requête invalide", Alert("<p>Le formulaire envoyé est illisible.</p>"), StatusCodes.Status400BadRequest);
        }

        var input = new UsagerInput
        {
            BirthName = Field(form, "birthName"),
            UsedName = Field(form, "usedName"),
            BirthGivenNames = Field(form, "birthGivenNames"),
            Sex = Field(form, "sex"),
            BirthDate = Field(form, "birthDate"),
            BirthPlace = Field(form, "birthPlace"),
            Ins = Field(form, "ins"),
            IdentityStatus = Field(form, "identityStatus"),
            MedecinTraitant = Field(form, "medecinTraitant"),
            Traitements = Field(form, "traitements"),
            Directives = Field(form, "directives"),
            Allergies = Field(form, "allergies"),
            PreferredFacility = Field(form, "preferredFacility"),
            CanCommunicate = IsChecked(form, "canCommunicate"),
            Oriented = IsChecked(form, "oriented"),
            Falls = IsChecked(form, "falls"),
            BmrCarrier = IsChecked(form, "bmrCarrier"),
        };

        var result = UsagerValidator.Validate(input, dui.Time.GetUtcNow(), reprise);
        if (result.Usager is null)
        {
            return dui.Page(reprise ? "Reprise d'un dossier" : "Nouvel usager", UsagerPages.Form(input, result.Errors, reprise), StatusCodes.Status400BadRequest);
        }

        var saved = await dui.Database.InsertUsagerAsync(result.Usager, ct).ConfigureAwait(false);
        return SeeOther(string.Create(CultureInfo.InvariantCulture, $"/usagers/{saved.Id}?enregistre=1"));
    }

    private static async Task<IResult> ShowUsager(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return NotFound(dui, "Usager introuvable");
        }

        var documents = await dui.Database.ListDocumentsAsync(id, ct).ConfigureAwait(false);
        var justSaved = http.Request.Query.ContainsKey("enregistre");
        long? generated = long.TryParse(http.Request.Query["document"], NumberStyles.None, CultureInfo.InvariantCulture, out var docId)
            && documents.Any(d => d.Id == docId) ? docId : null;
        var mssHtml = dui.Mss is { } mss
            ? MssPages.UsagerSection(usager, await mss.Store.IsOpposedAsync(id, ct).ConfigureAwait(false), await mss.Store.ListReceivedAsync(id, ct).ConfigureAwait(false))
            : "";
        return dui.Page($"Usager n° {usager.Id.ToString(CultureInfo.InvariantCulture)}", UsagerPages.Record(usager, documents, justSaved, generated) + mssHtml);
    }

    private static async Task<IResult> GenerateDlu(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return NotFound(dui, "Usager introuvable");
        }

        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var cda = dui.DluBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation), new DluDocumentBuilder.Request(Oids.NewRandom(), Oids.NewRandom(), 1, now));
        var stored = await dui.Database.InsertDocumentAsync(StoredDocument.From(cda, usager.Id, now), ct).ConfigureAwait(false);
        return SeeOther(string.Create(CultureInfo.InvariantCulture, $"/usagers/{usager.Id}?document={stored.Id}"));
    }

    private static async Task<IResult> ShowDocument(long id, ReferenceDuiContext dui, CancellationToken ct) =>
        await DocumentPageAsync(dui, id, null, "", StatusCodes.Status200OK, ct).ConfigureAwait(false);

    private static async Task<IResult> DownloadCda(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        return document is null
            ? NotFound(dui, "Document introuvable")
            : Results.Bytes(document.CdaBytes, "text/xml", $"DLU-{document.Id.ToString(CultureInfo.InvariantCulture)}.xml");
    }

    private static Task<IResult> PublishToDmp(long id, ReferenceDuiContext dui, CancellationToken ct) =>
        PublishToDmpAsync(id, dui, simplified: false, ct);

    // Note: the ITI-105 simplified publish (PDSm flow 09/10, domain.md §3.4, PDSM-08), a second button on the document page.
    private static Task<IResult> PublishSimplifiedToDmp(long id, ReferenceDuiContext dui, CancellationToken ct) =>
        PublishToDmpAsync(id, dui, simplified: true, ct);

    private static async Task<IResult> PublishToDmpAsync(long id, ReferenceDuiContext dui, bool simplified, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = document is null ? null : await dui.Database.GetUsagerAsync(document.UsagerId, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return NotFound(dui, "Document introuvable");
        }

        var outcome = await DmpEndpoints.PublishCheckedAsync(dui, usager, document, null, ct, simplified).ConfigureAwait(false);
        await dui.Database.InsertPublicationAsync(document.Id, dui.Time.GetUtcNow(), outcome.Succeeded, outcome.HttpStatus, outcome.Message, ct).ConfigureAwait(false);
        var message = outcome.Succeeded ? Status(E(outcome.Message)) : Alert($"<p>{E(outcome.Message)}</p>");
        return await DocumentPageAsync(dui, id, message, "", outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, ct)
            .ConfigureAwait(false);
    }

    private static async Task<IResult> SendByMss(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = document is null ? null : await dui.Database.GetUsagerAsync(document.UsagerId, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return NotFound(dui, "Document introuvable");
        }

        var form = await ReadFormAsync(http, ct).ConfigureAwait(false);
        var recipientText = form is null ? "" : Field(form, "recipient").Trim();
        if (!TryParseRecipient(recipientText, out var recipient))
        {
            var error = Alert($"<p>Adresse du destinataire invalide : « {E(recipientText)} ». Saisissez une adresse de messagerie, par exemple prenom.nom@medecin.mssante.fr.</p>");
            return await DocumentPageAsync(dui, id, error, recipientText, StatusCodes.Status400BadRequest, ct).ConfigureAwait(false);
        }

        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var outcome = dui.Mss is { } mss
            ? await mss.Outbox.SendAsync(new MssOutbox.Request(usager, document, recipient, form is not null && IsChecked(form, "readReceipt"), BlockReplies: false), now, ct).ConfigureAwait(false)
            : await SendPlainAsync(dui, usager, document, recipient, now, ct).ConfigureAwait(false);
        var html = outcome.Succeeded ? Status(E(outcome.Message)) : Alert($"<p>{E(outcome.Message)}</p>");
        return await DocumentPageAsync(dui, id, html, outcome.Succeeded ? "" : recipientText,
            outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, ct).ConfigureAwait(false);
    }

    private static async Task<MssSender.Outcome> SendPlainAsync(ReferenceDuiContext dui, Usager usager, StoredDocument document, MailboxAddress recipient, DateTimeOffset now, CancellationToken ct)
    {
        var message = dui.MessageBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation), document, recipient, now);
        var outcome = await dui.MssSender.SendAsync(message, ct).ConfigureAwait(false);
        await dui.Database.InsertSendAsync(document.Id, now, recipient.Address, message.MessageId, outcome.Succeeded, outcome.Message, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Renders the document page with an optional status or alert; also used by the MSSanté routes.</summary>
    internal static async Task<IResult> DocumentPageAsync(ReferenceDuiContext dui, long id, string? messageHtml, string recipient, int status, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = document is null ? null : await dui.Database.GetUsagerAsync(document.UsagerId, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return NotFound(dui, "Document introuvable");
        }

        var events = await dui.Database.ListEventsAsync(id, ct).ConfigureAwait(false);
        var mssHtml = dui.Mss is { } mss
            ? MssPages.DocumentSection(document, usager, await mss.Store.GetRestrictionAsync(id, ct).ConfigureAwait(false), await mss.Store.ListReceiptsAsync(id, ct).ConfigureAwait(false))
            : "";
        return dui.Page($"Document n° {id.ToString(CultureInfo.InvariantCulture)} – {document.Title}",
            DocumentPages.Page(document, usager, events, messageHtml, recipient, mssHtml), status);
    }

    internal static bool TryParseRecipient(string text, out MailboxAddress recipient)
    {
        recipient = null!;
        if (text.Length is 0 or > 254 || text.Any(char.IsControl))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1 || !parsed.Address[(at + 1)..].Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        recipient = new MailboxAddress(parsed.Name, parsed.Address);
        return true;
    }

    internal static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static string Field(IFormCollection form, string name) => form[name].ToString();

    private static bool IsChecked(IFormCollection form, string name) =>
        form[name].Any(v => v is "on" or "true" or "1");

    private static IResult NotFound(ReferenceDuiContext dui, string title) =>
        dui.Page(title, Alert("<p>L'élément demandé n'existe pas.</p>") + "<p><a href=\"/\">Retour à la liste des usagers</a></p>", StatusCodes.Status404NotFound);

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>303 See Other: after a POST that created something, the browser GETs the new page (Post/Redirect/Get).</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    private sealed record AboutResponse(string Name, string Version, IReadOnlyList<string> Defects);

    internal static IResult Page(this ReferenceDuiContext dui, string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(Html.Page(title, dui.Organisation.ProductName, dui.Organisation.ProductVersion, body), HtmlContentType, null, status);
}

using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Mss;
using MimeKit;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The MSSanté routes beyond the professional send: the mailbox page and its retrieval (IMAP), the document's
/// visibility restriction, the send to the usager's Mon espace santé mailbox and the usager's opposition.
/// </summary>
internal static class MssEndpoints
{
    /// <summary>Maps the MSSanté routes.</summary>
    public static void MapMssante(this IEndpointRouteBuilder app)
    {
        app.MapGet("/mssante", ShowMailbox);
        app.MapPost("/mssante/releve", ReceiveMail);
        app.MapPost("/documents/{id:long}/restriction", SetRestriction);
        app.MapPost("/documents/{id:long}/mssante-usager", SendToPatient);
        app.MapPost("/usagers/{id:long}/opposition-mss", SetOpposition);
    }

    private static async Task<IResult> ShowMailbox(ReferenceDuiContext dui, CancellationToken ct) =>
        dui.Page("Messagerie MSSanté", MssPages.Mailbox(await Services(dui).Store.ListReceivedAsync(null, ct).ConfigureAwait(false), null));

    private static async Task<IResult> ReceiveMail(ReferenceDuiContext dui, CancellationToken ct)
    {
        var services = Services(dui);
        var result = await services.Receiver.ReceiveAsync(dui.Time.GetUtcNow(), ct).ConfigureAwait(false);
        var html = result.Succeeded ? Status(E(result.Message)) : Alert($"<p>{E(result.Message)}</p>");
        return dui.Page("Messagerie MSSanté", MssPages.Mailbox(await services.Store.ListReceivedAsync(null, ct).ConfigureAwait(false), html),
            result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> SetRestriction(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        if (document is null)
        {
            return dui.Page("Document introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct).ConfigureAwait(false) : null;
        var value = form?["restriction"].ToString() ?? string.Empty;
        if (value.Length > 0 && Sharing.SharingCodes.Visibility(value) is null)
        {
            return await ReferenceDuiEndpoints.DocumentPageAsync(dui, id, Alert($"<p>Restriction inconnue : « {E(value)} ».</p>"), "", StatusCodes.Status400BadRequest, ct).ConfigureAwait(false);
        }

        await Services(dui).Store.SetRestrictionAsync(id, value.Length == 0 ? null : value, ct).ConfigureAwait(false);
        return await ReferenceDuiEndpoints.DocumentPageAsync(dui, id, Status("Restriction enregistrée"), "", StatusCodes.Status200OK, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> SendToPatient(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = document is null ? null : await dui.Database.GetUsagerAsync(document.UsagerId, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return dui.Page("Document introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct).ConfigureAwait(false) : null;
        var services = Services(dui);
        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var address = services.Outbox.PatientAddress(usager, out var reason);
        MssSender.Outcome outcome;
        if (address is null)
        {
            outcome = new MssSender.Outcome(false, MssOutbox.RefusedPrefix + reason);
        }
        else
        {
            var recipient = new MailboxAddress($"{usager.BirthName} {usager.FirstGivenName}", address);
            outcome = await services.Outbox.SendAsync(
                new MssOutbox.Request(usager, document, recipient, IsChecked(form, "readReceipt"), IsChecked(form, "blockReplies")), now, ct).ConfigureAwait(false);
        }

        var html = outcome.Succeeded ? Status(E(outcome.Message)) : Alert($"<p>{E(outcome.Message)}</p>");
        return await ReferenceDuiEndpoints.DocumentPageAsync(dui, id, html, "", outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, ct)
            .ConfigureAwait(false);
    }

    private static async Task<IResult> SetOpposition(long id, HttpContext http, ReferenceDuiContext dui, CancellationToken ct)
    {
        if (await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false) is null)
        {
            return dui.Page("Usager introuvable", Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct).ConfigureAwait(false) : null;
        await Services(dui).Store.SetOppositionAsync(id, IsChecked(form, "opposition"), dui.Time.GetUtcNow(), ct).ConfigureAwait(false);
        return Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/usagers/{id}?opposition=1"));
    }

    private static MssServices Services(ReferenceDuiContext dui) =>
        dui.Mss ?? throw new InvalidOperationException("Les services MSSanté ne sont pas configurés.");

    private static bool IsChecked(IFormCollection? form, string name) => form is not null && form[name].Any(v => v is "on" or "true" or "1");
}

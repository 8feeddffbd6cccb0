using System.Globalization;
using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The identity-vigilance actions of a usager's record: INSi look-up, INSi verification and the high-trust document
/// check, each applying an <see cref="IdentityVigilance"/> transition and showing the record with its message.
/// </summary>
internal static class IdentityEndpoints
{
    /// <summary>Maps the three POST routes.</summary>
    public static void MapIdentityVigilance(this IEndpointRouteBuilder app)
    {
        app.MapPost("/usagers/{id:long}/insi/recherche", SearchAsync);
        app.MapPost("/usagers/{id:long}/insi/verification", VerifyAsync);
        app.MapPost("/usagers/{id:long}/identite/validation", CheckDocumentAsync);
    }

    private static async Task<IResult> SearchAsync(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null || dui.Insi is null)
        {
            return dui.Page("Usager introuvable", Html.Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        var answer = await dui.Insi.SearchAsync(usager, ct).ConfigureAwait(false);
        return await ApplyAsync(dui, usager, IdentityVigilance.AfterSearch(usager, answer), ct).ConfigureAwait(false);
    }

    private static async Task<IResult> VerifyAsync(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null || dui.Insi is null)
        {
            return dui.Page("Usager introuvable", Html.Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        if (usager.Ins is null)
        {
            return await ApplyAsync(dui, usager, new IdentityVigilance.Transition(null, "Aucune INS enregistrée à vérifier : lancez d'abord une recherche INSi.", true), ct).ConfigureAwait(false);
        }

        var answer = await dui.Insi.SearchAsync(usager, ct).ConfigureAwait(false);
        var overwrite = dui.Organisation.Has(ReferenceDuiDefects.StoredInsOverwrittenOnMismatch);
        return await ApplyAsync(dui, usager, IdentityVigilance.AfterVerification(usager, answer, overwrite), ct).ConfigureAwait(false);
    }

    private static async Task<IResult> CheckDocumentAsync(long id, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return dui.Page("Usager introuvable", Html.Alert("<p>L'élément demandé n'existe pas.</p>"), StatusCodes.Status404NotFound);
        }

        return await ApplyAsync(dui, usager, IdentityVigilance.AfterDocumentCheck(usager), ct).ConfigureAwait(false);
    }

    private static async Task<IResult> ApplyAsync(ReferenceDuiContext dui, Usager usager, IdentityVigilance.Transition transition, CancellationToken ct)
    {
        var shown = usager;
        if (transition.Updated is not null)
        {
            await dui.Database.UpdateIdentityAsync(transition.Updated, ct).ConfigureAwait(false);
            shown = transition.Updated;
        }

        var documents = await dui.Database.ListDocumentsAsync(shown.Id, ct).ConfigureAwait(false);
        return dui.Page(
            $"Usager n° {shown.Id.ToString(CultureInfo.InvariantCulture)}",
            IdentityPages.Message(transition.Message, transition.IsAlert) + UsagerPages.Record(shown, documents, justSaved: false, generatedDocumentId: null));
    }
}

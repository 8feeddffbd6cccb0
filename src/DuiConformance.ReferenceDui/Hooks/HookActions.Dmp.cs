using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using DuiConformance.ReferenceDui.Web;

namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>
/// The DMP verbs beyond the first publication (search and retrieval, new version, masking), through the same services
/// as <see cref="DmpEndpoints"/>. Each one fails exactly when the UI map's assertion on the page would fail.
/// </summary>
internal static partial class HookActions
{
    private static async Task<HookActionResult> SearchDmpAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await FindUsagerAsync(request, dui, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return UsagerNotFound(request);
        }

        if (dui.Dmp is null)
        {
            return DmpNotConfigured();
        }

        var result = await dui.Dmp.Search.SearchAsync(ExchangeIdentity.For(usager, dui.Organisation), ct).ConfigureAwait(false);

        // Note: the page shows its "Résultat de la recherche dans le DMP" section after every search, an error included
        // (the UI map waits for that heading only); the error is in the message, the checks judge the ITI-67/68 traffic.
        return HookActionResult.Done(result.Error ?? string.Create(CultureInfo.InvariantCulture,
            $"{DmpPages.SearchResultHeading} : {result.Documents.Count} document(s) courant(s) de l'usager dans le DMP."));
    }

    private static async Task<HookActionResult> ReplaceAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (previous, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (previous is null || usager is null)
        {
            return DocumentNotFound(request);
        }

        // Note: a new version keeps the setId, takes a new document id and versionNumber + 1, and names the one it
        // replaces (CDA relatedDocument RPLC; DocumentReference relatesTo replaces) — domain.md §3.3–3.4, PDSM-11.
        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var cda = dui.DluBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation),
            new DluDocumentBuilder.Request(Oids.NewRandom(), previous.SetIdOid, previous.Version + 1, now, previous.DocumentOid));
        var stored = await dui.Database.InsertDocumentAsync(StoredDocument.From(cda, usager.Id, now), ct).ConfigureAwait(false);
        var outcome = await DmpEndpoints.PublishCheckedAsync(dui, usager, stored, previous, ct).ConfigureAwait(false);
        await dui.Database.InsertPublicationAsync(stored.Id, dui.Time.GetUtcNow(), outcome.Succeeded, outcome.HttpStatus, outcome.Message, ct).ConfigureAwait(false);

        // Note: the page names the new version (and the UI map reads its id) whether the DMP took it or not.
        var documentId = stored.Id.ToString(CultureInfo.InvariantCulture);
        var message = outcome.Succeeded
            ? $"{DmpPages.ReplacedMessage} : document n° {documentId}, version {stored.Version.ToString(CultureInfo.InvariantCulture)}."
            : $"Nouvelle version du document non publiée au DMP (document n° {documentId}) : {outcome.Message}";
        return HookActionResult.Done(message, ("documentId", documentId));
    }

    private static async Task<HookActionResult> MaskAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, _) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null)
        {
            return DocumentNotFound(request);
        }

        if (dui.Dmp is null)
        {
            return DmpNotConfigured();
        }

        // Note: the UI map presses « Masquer aux professionnels de santé »; `with: { level: INVISIBLE_PATIENT }` is the other button.
        var level = request.Parameter("level") ?? "MASQUE_PS";
        var display = level switch
        {
            "MASQUE_PS" => "Masqué aux professionnels de santé",
            "INVISIBLE_PATIENT" => "Non visible par le patient",
            _ => null,
        };
        if (display is null)
        {
            return HookActionResult.Failed($"Niveau de masquage inconnu : « {level} ».");
        }

        var outcome = await dui.Dmp.Visibility.MaskAsync(document, level, display, ct).ConfigureAwait(false);

        // Note: the page says « Visibilité du document … » whether the DMP accepted the PATCH or not (the UI map waits
        // for that text only); a refused PATCH is judged by the checks on the recorded FHIR exchange.
        return HookActionResult.Done(outcome.Succeeded
            ? $"{outcome.Message} : {display.ToLowerInvariant()}."
            : $"Visibilité du document inchangée dans le DMP. {outcome.Message}");
    }

    private static async Task<HookActionResult> PublishSimplifiedAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return DocumentNotFound(request);
        }

        // Note: ITI-105 (PDSM-08) feeds the DMP as ITI-65 does: the DMP status is asked first (TD0.2), the outcome recorded.
        var outcome = await DmpEndpoints.PublishCheckedAsync(dui, usager, document, null, ct, simplified: true).ConfigureAwait(false);
        await dui.Database.InsertPublicationAsync(document.Id, dui.Time.GetUtcNow(), outcome.Succeeded, outcome.HttpStatus, outcome.Message, ct).ConfigureAwait(false);
        return outcome.Succeeded ? HookActionResult.Done(outcome.Message) : HookActionResult.Failed(outcome.Message);
    }

    private static HookActionResult DmpNotConfigured() =>
        HookActionResult.Failed("Les services DMP du DUI ne sont pas configurés.");
}

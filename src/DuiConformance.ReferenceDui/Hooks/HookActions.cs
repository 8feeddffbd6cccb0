using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Storage;
using DuiConformance.ReferenceDui.Web;

namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>
/// The reference DUI's test hooks actions: each calls the same services as the matching page handler (validator,
/// SQLite store, identity-vigilance transitions, DLU builder, DMP publisher, MSSanté sender), never the web UI.
/// </summary>
internal static partial class HookActions
{
    /// <summary>The verbs offered, in the order of <c>GET info</c>.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "create-usager", "import-usager", "lookup-ins", "verify-ins", "qualify-identity", "create-document", "publish-dmp", "send-mss",
        "search-dmp", "replace-document", "mask-document", "attempt-publish-dmp", "publish-simplified",
        "send-mss-patient", "restrict-document", "record-mss-opposition", "receive-and-file", "show-received", "show-receipts",
        "attempt-send-mss",
    ];

    /// <summary>Performs one action; a refusal by the DUI is a failed result, never an exception.</summary>
    public static Task<HookActionResult> PerformAsync(string action, HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct) => action switch
    {
        "create-usager" => SaveUsagerAsync(request, dui, reprise: false, ct),
        "import-usager" => SaveUsagerAsync(request, dui, reprise: true, ct),
        "lookup-ins" => WithUsagerAsync(request, dui, ct, async usager =>
        {
            var answer = dui.Insi is null ? new InsiAnswer { Error = "aucun téléservice INSi n'est configuré" } : await dui.Insi.SearchAsync(usager, ct).ConfigureAwait(false);
            return (IdentityVigilance.AfterSearch(usager, answer), answer.Error);
        }),
        "verify-ins" => WithUsagerAsync(request, dui, ct, async usager =>
        {
            if (usager.Ins is null || dui.Insi is null)
            {
                return (new IdentityVigilance.Transition(null, "Aucune INS enregistrée à vérifier : lancez d'abord une recherche INSi.", true), null);
            }

            var answer = await dui.Insi.SearchAsync(usager, ct).ConfigureAwait(false);
            return (IdentityVigilance.AfterVerification(usager, answer, dui.Organisation.Has(ReferenceDuiDefects.StoredInsOverwrittenOnMismatch)), answer.Error);
        }),
        "qualify-identity" => WithUsagerAsync(request, dui, ct, usager => Task.FromResult<(IdentityVigilance.Transition, string?)>((IdentityVigilance.AfterDocumentCheck(usager), null))),
        "create-document" => CreateDocumentAsync(request, dui, ct),
        "publish-dmp" => PublishAsync(request, dui, attempt: false, ct),
        "attempt-publish-dmp" => PublishAsync(request, dui, attempt: true, ct),
        "publish-simplified" => PublishSimplifiedAsync(request, dui, ct),
        "search-dmp" => SearchDmpAsync(request, dui, ct),
        "replace-document" => ReplaceAsync(request, dui, ct),
        "mask-document" => MaskAsync(request, dui, ct),
        "send-mss" => SendAsync(request, dui, ct),
        "send-mss-patient" => SendToPatientAsync(request, dui, ct),
        "restrict-document" => RestrictAsync(request, dui, ct),
        "record-mss-opposition" => RecordOppositionAsync(request, dui, ct),
        "receive-and-file" => ReceiveAsync(request, dui, ct),
        "show-received" => ShowReceivedAsync(request, dui, ct),
        "show-receipts" => ShowReceiptsAsync(request, dui, ct),
        "attempt-send-mss" => AttemptSendAsync(request, dui, ct),
        _ => Task.FromResult(HookActionResult.Failed($"action « {action} » non proposée par le DUI de référence")),
    };

    private static async Task<HookActionResult> SaveUsagerAsync(HookActionRequest request, ReferenceDuiContext dui, bool reprise, CancellationToken ct)
    {
        var input = new UsagerInput
        {
            BirthName = request.Value("usager.birthName"),
            UsedName = request.Value("usager.usedName"),
            BirthGivenNames = request.Value("usager.birthGivenNames"),
            Sex = request.Value("usager.sex"),
            BirthDate = request.Value("usager.birthDate"),
            BirthPlace = request.Value("usager.birthPlace"),
            Ins = request.Value("usager.ins"),
            IdentityStatus = request.Value("usager.identityStatus"),
            MedecinTraitant = request.Value("usager.medecinTraitant"),
            Traitements = request.Value("usager.traitements"),
            Directives = request.Value("usager.directives"),
            Allergies = request.Value("usager.allergies"),
        };
        var result = UsagerValidator.Validate(input, dui.Time.GetUtcNow(), reprise);
        if (result.Usager is null)
        {
            return HookActionResult.Failed("Usager refusé : " + string.Join(" ; ", result.Errors.Select(error => $"{error.Key} : {error.Value}")));
        }

        var saved = await dui.Database.InsertUsagerAsync(result.Usager, ct).ConfigureAwait(false);
        return HookActionResult.Done("Usager enregistré", ("usagerId", saved.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<HookActionResult> WithUsagerAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct, Func<Usager, Task<(IdentityVigilance.Transition Transition, string? Error)>> transition)
    {
        var usager = await FindUsagerAsync(request, dui, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return UsagerNotFound(request);
        }

        var (applied, error) = await transition(usager).ConfigureAwait(false);
        if (applied.Updated is not null)
        {
            await dui.Database.UpdateIdentityAsync(applied.Updated, ct).ConfigureAwait(false);
        }

        // Note: an INSi answer 01/02 or a verification alert is the DUI doing its job (the page shows it as an alert and
        // the scenario goes on); only a failed INSi call (transport, TLS, SOAP fault) is a failure of the action.
        return error is null ? HookActionResult.Done(applied.Message) : HookActionResult.Failed(applied.Message);
    }

    private static async Task<HookActionResult> CreateDocumentAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var type = request.Parameter("type") ?? "DLU";
        if (!string.Equals(type, "DLU", StringComparison.Ordinal))
        {
            return HookActionResult.Failed($"Type de document « {type} » non produit par le DUI de référence (seulement DLU).");
        }

        var usager = await FindUsagerAsync(request, dui, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return UsagerNotFound(request);
        }

        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var cda = dui.DluBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation), new DluDocumentBuilder.Request(Oids.NewRandom(), Oids.NewRandom(), 1, now));
        var stored = await dui.Database.InsertDocumentAsync(StoredDocument.From(cda, usager.Id, now), ct).ConfigureAwait(false);
        return HookActionResult.Done("DLU généré", ("documentId", stored.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<HookActionResult> PublishAsync(HookActionRequest request, ReferenceDuiContext dui, bool attempt, CancellationToken ct)
    {
        var (document, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return DocumentNotFound(request);
        }

        // Note: the page's publication asks the DMP status by INS first (TD0.2, domain.md §3.4); so does the hook.
        var outcome = await DmpEndpoints.PublishCheckedAsync(dui, usager, document, null, ct).ConfigureAwait(false);
        await dui.Database.InsertPublicationAsync(document.Id, dui.Time.GetUtcNow(), outcome.Succeeded, outcome.HttpStatus, outcome.Message, ct).ConfigureAwait(false);

        // Note: attempt-publish-dmp is the request whatever the DMP's answer (the UI map only waits for the sharing
        // history, which records a refusal too); the scenario's checks judge whether the DUI fed the DMP.
        return outcome.Succeeded || attempt ? HookActionResult.Done(outcome.Message) : HookActionResult.Failed(outcome.Message);
    }

    private static async Task<HookActionResult> SendAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct) =>
        await SendDocumentAsync(request, dui, ct).ConfigureAwait(false) is { } outcome
            ? outcome.Succeeded ? HookActionResult.Done(outcome.Message) : HookActionResult.Failed(outcome.Message)
            : await NotSentAsync(request, dui, ct).ConfigureAwait(false);

    /// <summary>
    /// attempt-send-mss (DUI-MSS-10): the same send as send-mss, but the DUI's refusal is an expected answer; with
    /// <c>expect</c> the message shown must hold that text.
    /// </summary>
    private static async Task<HookActionResult> AttemptSendAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct) =>
        await SendDocumentAsync(request, dui, ct).ConfigureAwait(false) is { } outcome
            ? Expected(request, succeeded: true, outcome.Message, [outcome.Message])
            : await NotSentAsync(request, dui, ct).ConfigureAwait(false);

    /// <summary>Why a send could not even be attempted (unknown document, invalid recipient).</summary>
    private static async Task<HookActionResult> NotSentAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return DocumentNotFound(request);
        }

        var text = (request.Parameter("recipient") ?? request.Value("recipient")).Trim();
        return HookActionResult.Failed($"Adresse du destinataire invalide : « {text} ».");
    }

    /// <summary>Sends the document as the page does; <c>null</c> when the document or the recipient is not usable.</summary>
    private static async Task<MssSender.Outcome?> SendDocumentAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return null;
        }

        var text = (request.Parameter("recipient") ?? request.Value("recipient")).Trim();
        if (!ReferenceDuiEndpoints.TryParseRecipient(text, out var recipient))
        {
            return null;
        }

        // Note: as on the page, the send goes through the checked outbox (restriction, size) with the read receipt
        // asked for, since the page's "Demander un accusé de lecture" box is ticked by default.
        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        MssSender.Outcome outcome;
        if (dui.Mss is { } mss)
        {
            outcome = await mss.Outbox.SendAsync(new MssOutbox.Request(usager, document, recipient, !IsFalse(request.Parameter("readReceipt")), BlockReplies: false), now, ct)
                .ConfigureAwait(false);
        }
        else
        {
            var message = dui.MessageBuilder.Build(ExchangeIdentity.For(usager, dui.Organisation), document, recipient, now);
            outcome = await dui.MssSender.SendAsync(message, ct).ConfigureAwait(false);
            await dui.Database.InsertSendAsync(document.Id, now, recipient.Address, message.MessageId, outcome.Succeeded, outcome.Message, ct).ConfigureAwait(false);
        }

        return outcome;
    }

    private static async Task<Usager?> FindUsagerAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct) =>
        long.TryParse(request.Var("usagerId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await dui.Database.GetUsagerAsync(id, ct).ConfigureAwait(false)
            : null;

    private static async Task<(StoredDocument? Document, Usager? Usager)> FindDocumentAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        if (!long.TryParse(request.Var("documentId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, null);
        }

        var document = await dui.Database.GetDocumentAsync(id, ct).ConfigureAwait(false);
        var usager = document is null ? null : await dui.Database.GetUsagerAsync(document.UsagerId, ct).ConfigureAwait(false);
        return (document, usager);
    }

    private static HookActionResult UsagerNotFound(HookActionRequest request) =>
        HookActionResult.Failed($"Usager introuvable (vars.usagerId = « {request.Var("usagerId")} »).");

    private static HookActionResult DocumentNotFound(HookActionRequest request) =>
        HookActionResult.Failed($"Document introuvable (vars.documentId = « {request.Var("documentId")} »).");

    private static bool IsFalse(string? parameter) => parameter is "false" or "off" or "0";
}

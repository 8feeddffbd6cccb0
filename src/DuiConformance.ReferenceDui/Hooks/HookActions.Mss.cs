using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Web;
using MimeKit;

namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>
/// The MSSanté verbs beyond the professional send (patient mailbox, restriction, opposition, retrieval and filing,
/// receipts), through the same services as <see cref="MssEndpoints"/>. Where the UI map waits for <c>{with.expect}</c>,
/// the hook looks for that text in what the page would show (case and spacing ignored, as Playwright's getByText).
/// </summary>
internal static partial class HookActions
{
    private static async Task<HookActionResult> SendToPatientAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, usager) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null || usager is null)
        {
            return DocumentNotFound(request);
        }

        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        var now = Hl7Time.ToSeconds(dui.Time.GetUtcNow());
        var address = mss.Outbox.PatientAddress(usager, out var reason);
        MssSender.Outcome outcome;
        if (address is null)
        {
            outcome = new MssSender.Outcome(false, MssOutbox.RefusedPrefix + reason);
        }
        else
        {
            // Note: the UI map ticks « Bloquer les réponses de l'usager », and the read receipt box is ticked by default.
            var recipient = new MailboxAddress($"{usager.BirthName} {usager.FirstGivenName}", address);
            outcome = await mss.Outbox.SendAsync(
                new MssOutbox.Request(usager, document, recipient, !IsFalse(request.Parameter("readReceipt")), !IsFalse(request.Parameter("blockReplies"))), now, ct)
                .ConfigureAwait(false);
        }

        return Expected(request, outcome.Succeeded, outcome.Message, [outcome.Message]);
    }

    private static async Task<HookActionResult> RestrictAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, _) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null)
        {
            return DocumentNotFound(request);
        }

        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        var value = request.Parameter("restriction") ?? string.Empty;
        if (value.Length > 0 && Sharing.SharingCodes.Visibility(value) is null)
        {
            return HookActionResult.Failed($"Restriction inconnue : « {value} ».");
        }

        await mss.Store.SetRestrictionAsync(document.Id, value.Length == 0 ? null : value, ct).ConfigureAwait(false);
        return HookActionResult.Done($"Restriction enregistrée : {(value.Length == 0 ? "aucune" : value)}.");
    }

    private static async Task<HookActionResult> RecordOppositionAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await FindUsagerAsync(request, dui, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return UsagerNotFound(request);
        }

        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        // Note: the UI map ticks the opposition box; `with: { opposition: "false" }` withdraws it, as unticking would.
        var opposed = !IsFalse(request.Parameter("opposition"));
        await mss.Store.SetOppositionAsync(usager.Id, opposed, dui.Time.GetUtcNow(), ct).ConfigureAwait(false);
        return HookActionResult.Done(opposed
            ? "L'usager s'oppose aux envois dans sa messagerie Mon espace santé."
            : "Aucune opposition enregistrée.");
    }

    private static async Task<HookActionResult> ReceiveAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        var result = await mss.Receiver.ReceiveAsync(dui.Time.GetUtcNow(), ct).ConfigureAwait(false);

        // Note: the mailbox page shows the retrieval's summary and the messages no usager matched.
        var unfiled = await mss.Store.ListReceivedAsync(null, ct).ConfigureAwait(false);
        return Expected(request, result.Succeeded, result.Message, [result.Message, .. unfiled.SelectMany(ReceivedTexts)]);
    }

    private static async Task<HookActionResult> ShowReceivedAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var usager = await FindUsagerAsync(request, dui, ct).ConfigureAwait(false);
        if (usager is null)
        {
            return UsagerNotFound(request);
        }

        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        var received = await mss.Store.ListReceivedAsync(usager.Id, ct).ConfigureAwait(false);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{received.Count} message(s) reçu(s) classé(s) dans le dossier de l'usager");
        var texts = received.SelectMany(ReceivedTexts).ToList();
        return Expected(request, received.Count > 0, received.Count == 0 ? summary + "." : $"{summary} : {string.Join(" ; ", texts)}.", texts);
    }

    private static async Task<HookActionResult> ShowReceiptsAsync(HookActionRequest request, ReferenceDuiContext dui, CancellationToken ct)
    {
        var (document, _) = await FindDocumentAsync(request, dui, ct).ConfigureAwait(false);
        if (document is null)
        {
            return DocumentNotFound(request);
        }

        if (dui.Mss is not { } mss)
        {
            return MssNotConfigured();
        }

        // Note: the UI map waits for both lines of the document page: a processed read receipt (MDN, RFC 8098) and a
        // delivered delivery receipt (DSN, RFC 3464).
        var receipts = await mss.Store.ListReceiptsAsync(document.Id, ct).ConfigureAwait(false);
        var lines = receipts.Select(receipt => $"Accusé de {receipt.Kind} : {receipt.Status}").ToList();
        string[] wanted = ["Accusé de lecture : traité", "Accusé de remise : remis"];
        var missing = wanted.Where(line => !Shows(line, lines)).ToList();
        var shown = lines.Count == 0 ? "aucun accusé reçu pour ce document" : string.Join(" ; ", lines);
        return missing.Count == 0
            ? HookActionResult.Done(shown + ".")
            : HookActionResult.Failed($"Accusé(s) attendu(s) absent(s) : {string.Join(", ", missing.Select(line => $"« {line} »"))} ({shown}).");
    }

    /// <summary>
    /// With <c>with: { expect: … }</c>, succeeds when the page would show that text among <paramref name="shown"/>;
    /// without it, succeeds when the DUI did the action.
    /// </summary>
    private static HookActionResult Expected(HookActionRequest request, bool succeeded, string message, IReadOnlyList<string> shown)
    {
        var expect = request.Parameter("expect");
        if (string.IsNullOrWhiteSpace(expect))
        {
            return succeeded ? HookActionResult.Done(message) : HookActionResult.Failed(message);
        }

        return Shows(expect, shown)
            ? HookActionResult.Done(message)
            : HookActionResult.Failed($"Texte attendu « {expect} » absent : {message}");
    }

    /// <summary>True when <paramref name="expected"/> is in one of <paramref name="texts"/>, case and runs of spaces ignored.</summary>
    private static bool Shows(string expected, IEnumerable<string> texts)
    {
        var wanted = Normalize(expected);
        return texts.Any(text => Normalize(text).Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> ReceivedTexts(Storage.ReceivedMessage message) =>
        [message.SenderLabel, message.Subject, message.CdaTitle ?? "aucun", message.MatchedBy];

    private static HookActionResult MssNotConfigured() =>
        HookActionResult.Failed("Les services MSSanté du DUI ne sont pas configurés.");
}

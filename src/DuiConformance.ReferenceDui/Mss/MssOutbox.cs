using System.Globalization;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Sends a document over MSSanté after the checks the DUI owes its users (domain.md §3.5, §4.1, §4.4, §4.5): the
/// document's visibility restriction (never <c>INVISIBLE_PATIENT</c> to a patient mailbox, never <c>MASQUE_PS</c> to a
/// professional), the usager's qualified INS and non-opposition for Mon espace santé, the operator's size limit; then
/// asks for a read receipt (<c>Disposition-Notification-To</c>) and sets <c>X-MSS-MES: FIN</c> when replies are blocked,
/// and records the send.
/// </summary>
internal sealed class MssOutbox
{
    /// <summary>The domain of Mon espace santé mailboxes (domain.md §4.1).</summary>
    public const string PatientDomain = "patient.mssante.fr";

    /// <summary>The start of every refusal shown to the user.</summary>
    public const string RefusedPrefix = "Envoi refusé : ";

    private readonly OrganisationProfile _organisation;
    private readonly ReferenceDuiDatabase _database;
    private readonly MssStore _store;
    private readonly MssMessageBuilder _builder;
    private readonly MssSender _sender;
    private readonly long _maxMessageBytes;

    public MssOutbox(OrganisationProfile organisation, ReferenceDuiDatabase database, MssStore store, MssMessageBuilder builder, MssSender sender, long maxMessageBytes)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>What to send: the document, to whom, and the user's choices.</summary>
    /// <param name="Usager">The usager the document is about.</param>
    /// <param name="Document">The document to send.</param>
    /// <param name="Recipient">A professional mailbox or the usager's Mon espace santé mailbox.</param>
    /// <param name="ReadReceipt">The user asked for a read receipt.</param>
    /// <param name="BlockReplies">The user does not want the usager to answer (patient mailbox only).</param>
    public sealed record Request(Usager Usager, StoredDocument Document, MailboxAddress Recipient, bool ReadReceipt, bool BlockReplies);

    /// <summary>True when <paramref name="address"/> is a Mon espace santé mailbox.</summary>
    public static bool IsPatientAddress(string address) =>
        address.EndsWith("@" + PatientDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The usager's Mon espace santé address, <c>&lt;INS-NIR&gt;@patient.mssante.fr</c>, or a French reason why there is
    /// none: only a qualified identity's INS may be used (domain.md §2.4, §4.1).
    /// </summary>
    public string? PatientAddress(Usager usager, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(usager);
        if (usager.Status != IdentityStatus.Qualifiee || usager.IdentityAlert is not null || string.IsNullOrEmpty(usager.Ins))
        {
            reason = "l'identité de l'usager n'est pas qualifiée (INS vérifiée au téléservice INSi) ; sa messagerie Mon espace santé ne peut pas être adressée.";
            return null;
        }

        reason = null;
        // Note: the defect drops the 2-digit key, a classic mistake: the address must hold the whole 15-digit matricule.
        var matricule = _organisation.Has(ReferenceDuiDefects.PatientAddressWithoutKey) ? usager.Ins[..13] : usager.Ins;
        return matricule + "@" + PatientDomain;
    }

    /// <summary>Checks, builds, sends and records; never throws for a refusal or a server failure.</summary>
    public async Task<MssSender.Outcome> SendAsync(Request request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = request.Document with { Restriction = await _store.GetRestrictionAsync(request.Document.Id, cancellationToken).ConfigureAwait(false) };
        var toPatient = IsPatientAddress(request.Recipient.Address);
        if (Refusal(request.Usager, document, toPatient, await _store.IsOpposedAsync(request.Usager.Id, cancellationToken).ConfigureAwait(false)) is { } refusal)
        {
            var refused = new MssSender.Outcome(false, RefusedPrefix + refusal);
            await _database.InsertSendAsync(document.Id, now, request.Recipient.Address, null, false, refused.Message, cancellationToken).ConfigureAwait(false);
            return refused;
        }

        var message = _builder.Build(ExchangeIdentity.For(request.Usager, _organisation), document, request.Recipient, now);
        if (request.ReadReceipt && !_organisation.Has(ReferenceDuiDefects.NoReadReceiptRequest))
        {
            // Note: RFC 8098 §2.1 — the receipt address is the sender's own (the Return-Path), or no MDN comes back.
            message.Headers.Add(HeaderId.DispositionNotificationTo, "<" + _organisation.SenderAddress + ">");
        }

        if (toPatient && request.BlockReplies)
        {
            // Note: Réf#2 ECO.2.2.8 — X-MSS-MES: FIN stops the patient from replying in Mon espace santé.
            message.Headers.Add("X-MSS-MES", "FIN");
        }

        var size = Measure(message);
        MssSender.Outcome outcome;
        if (_maxMessageBytes > 0 && size > _maxMessageBytes && !_organisation.Has(ReferenceDuiDefects.IgnoresSizeLimit))
        {
            // Note: MSS/va1.13 — the size is checked before sending, against the operator's announced limit.
            outcome = new MssSender.Outcome(false, RefusedPrefix + string.Create(CultureInfo.InvariantCulture,
                $"le message fait {size} octets, au-delà de la taille maximale de {_maxMessageBytes} octets de l'opérateur MSSanté."));
        }
        else
        {
            outcome = await _sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        await _database.InsertSendAsync(document.Id, now, request.Recipient.Address, message.MessageId, outcome.Succeeded, outcome.Message, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private string? Refusal(Usager usager, StoredDocument document, bool toPatient, bool opposed)
    {
        if (toPatient)
        {
            if (opposed)
            {
                return "l'usager s'est opposé aux envois dans sa messagerie Mon espace santé.";
            }

            if (document.Restriction == "INVISIBLE_PATIENT" && !_organisation.Has(ReferenceDuiDefects.InvisibleDocumentToPatient))
            {
                return "le document est marqué « non visible par le patient » (INVISIBLE_PATIENT) ; il ne peut pas être envoyé à sa messagerie.";
            }

            if (PatientAddress(usager, out var reason) is null)
            {
                return reason;
            }
        }
        else if (document.Restriction == "MASQUE_PS")
        {
            return "le document est masqué aux professionnels de santé (MASQUE_PS) ; il ne peut pas être envoyé à une messagerie professionnelle.";
        }

        return null;
    }

    private static long Measure(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.Length;
    }
}

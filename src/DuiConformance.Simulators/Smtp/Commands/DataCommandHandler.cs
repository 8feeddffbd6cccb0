using System.Globalization;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// DATA (RFC 5321 §4.1.1.4): <c>354</c>, the content up to the dot line, then the message is written to the evidence
/// store and only once it is on disk answered <c>250 2.0.0 OK queued as &lt;evidence id&gt;</c> (DESIGN.md §6).
/// </summary>
internal sealed class DataCommandHandler : ISmtpCommandHandler
{
    public string Verb => "DATA";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.HasRecipients;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            throw new SmtpReplyException(SmtpReplies.BadArguments);
        }

        var transaction = session.Transaction ?? throw new InvalidOperationException("DATA outside a transaction passed the state guard.");

        // Note: RFC 2034 §3 — intermediate replies (354) carry no enhanced status code.
        await session.ReplyAsync(new SmtpReply(354, null, "Start mail input; end with <CRLF>.<CRLF>"), cancellationToken).ConfigureAwait(false);
        session.State = SmtpSessionState.Data;
        var data = await SmtpDataReader.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        session.ResetTransaction();
        session.State = SmtpSessionState.Ready;
        var eightBitWithoutMime = data.EightBit && !transaction.EightBitMime;
        session.Transcript.Note(string.Create(
            CultureInfo.InvariantCulture,
            $"DATA: {data.Size} octets in {data.LineCount} lines; bareLf={Flag(data.BareLineFeed)} eightBitWithout8BitMime={Flag(eightBitWithoutMime)} longLines={Flag(data.LongLines)}"));
        if (data.LineOverHardCap)
        {
            throw new SmtpReplyException(SmtpReplies.LineTooLong);
        }

        if (data.TooLarge)
        {
            throw new SmtpReplyException(SmtpReplies.MessageTooBig);
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SmtpProperties.Session] = session.Id,
            [SmtpProperties.MailFrom] = transaction.ReversePath,
            [SmtpProperties.RcptTo] = string.Join(',', transaction.Recipients),
            [SmtpProperties.Tls] = Flag(session.IsTls),
            [SmtpProperties.AuthMechanism] = session.AuthMechanism ?? string.Empty,
            [SmtpProperties.AuthBeforeTls] = Flag(session.AuthBeforeTls),
            [SmtpProperties.AuthUser] = session.AuthUser ?? string.Empty,
            [SmtpProperties.BareLineFeed] = Flag(data.BareLineFeed),
            [SmtpProperties.EightBitWithout8BitMime] = Flag(eightBitWithoutMime),
            [SmtpProperties.LongLines] = Flag(data.LongLines),
        };
        if (session.TlsProtocol is not null)
        {
            properties[SmtpProperties.TlsProtocol] = session.TlsProtocol;
            properties["tlsCipherSuite"] = session.TlsCipherSuite ?? string.Empty;
            properties["implicitTls"] = Flag(session.ImplicitTls);
        }

        if (session.ClientCertificate is { Subject.Length: > 0 } certificate)
        {
            properties[SmtpProperties.ClientCertificateSubject] = certificate.Subject;
        }

        if (transaction.SmtpUtf8)
        {
            properties["smtpUtf8"] = "true";
        }

        if (transaction.DsnReturn is not null)
        {
            properties["dsnRet"] = transaction.DsnReturn;
        }

        if (transaction.DsnEnvelopeId is not null)
        {
            properties["dsnEnvid"] = transaction.DsnEnvelopeId;
        }

        // Note: one entry per recipient, in rcptTo order, separated by ';' since NOTIFY values hold commas (RFC 3461 §4.1).
        if (transaction.RecipientDetails.Any(recipient => recipient.Notify is not null || recipient.OriginalRecipient is not null))
        {
            properties["dsnNotify"] = string.Join(';', transaction.RecipientDetails.Select(recipient => recipient.Notify ?? string.Empty));
            properties["dsnOrcpt"] = string.Join(';', transaction.RecipientDetails.Select(recipient => recipient.OriginalRecipient ?? string.Empty));
        }

        // Note: recipients the directory marks as failing after acceptance (over quota, unreachable) are not filed; the
        // sender gets a failure DSN instead (RFC 5321 §6.1, RFC 3464).
        var failing = transaction.Recipients
            .Select(recipient => (Address: recipient, Delivery: session.Server.Options.Directory?.Find(recipient)?.Delivery ?? Mail.MailboxDelivery.Normal))
            .Where(recipient => recipient.Delivery != Mail.MailboxDelivery.Normal)
            .ToDictionary(recipient => recipient.Address, recipient => recipient.Delivery, StringComparer.OrdinalIgnoreCase);
        if (failing.Count > 0)
        {
            properties["undeliverable"] = string.Join(',', failing.Keys);
        }

        if (transaction.DeclaredSize is { } declared)
        {
            properties["declaredSize"] = declared.ToString(CultureInfo.InvariantCulture);
        }

        EvidenceItem item;
        try
        {
            // Note: not cancelled by timeout or shutdown — the whole message arrived, so storing it must not be cut half-way.
            item = await session.Server.Evidence.RecordAsync(EvidenceKinds.SmtpMessage, data.Content, "message/rfc822", properties, CancellationToken.None).ConfigureAwait(false);
            if (session.Server.Store is { } store)
            {
                foreach (var recipient in transaction.Recipients.Where(recipient => !failing.ContainsKey(recipient)))
                {
                    store.DeliverRecorded(recipient, session.Server.Evidence, item);
                }

                await SmtpReceiptSender.SendAsync(session, transaction, data.Content, store, failing).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Note: the one place where a handler catches: a message that is not on disk must never get 250 (DESIGN.md §6),
            // and the client must be told to retry (4xx), not that its message is bad.
            session.MarkHarnessFault("evidence store failed: " + exception.Message);
            throw new SmtpReplyException(SmtpReplies.StorageFailed, exception);
        }

        session.AddStoredMessage(item.Id);
        await session.ReplyAsync(new SmtpReply(250, "2.0.0", $"OK queued as {item.Id}"), cancellationToken).ConfigureAwait(false);
    }

    private static string Flag(bool value) => value ? "true" : "false";
}

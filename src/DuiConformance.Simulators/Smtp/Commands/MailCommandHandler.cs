using System.Globalization;

namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// MAIL FROM (RFC 5321 §4.1.1.2) with the <c>SIZE</c> (RFC 1870), <c>BODY</c> (RFC 6152), <c>SMTPUTF8</c> (RFC 6531),
/// <c>RET</c> and <c>ENVID</c> (RFC 3461) parameters; only after AUTH (RFC 6409 §4.3: a submission server authenticates
/// its users).
/// </summary>
internal sealed class MailCommandHandler : ISmtpCommandHandler
{
    public string Verb => "MAIL";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.Ready;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (session.AuthUser is null)
        {
            throw new SmtpReplyException(SmtpReplies.AuthenticationRequired);
        }

        var path = SmtpPath.Parse(command.Argument, "FROM") ?? throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: MAIL FROM:<address>"));
        if (path.Address.Length > 0 && path.Domain is null)
        {
            throw new SmtpReplyException(new SmtpReply(501, "5.1.7", "Bad sender address syntax"));
        }

        var eightBitMime = false;
        var smtpUtf8 = false;
        long? declaredSize = null;
        string? dsnReturn = null, envelopeId = null;
        foreach (var (key, value) in path.Parameters)
        {
            switch (key)
            {
                case "SIZE":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    {
                        throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: SIZE=<number>"));
                    }

                    if (size > session.Server.SizeLimit.Current)
                    {
                        throw new SmtpReplyException(SmtpReplies.MessageTooBig);
                    }

                    declaredSize = size;
                    break;
                case "BODY" when string.Equals(value, "8BITMIME", StringComparison.OrdinalIgnoreCase):
                    eightBitMime = true;
                    break;
                case "BODY" when string.Equals(value, "7BIT", StringComparison.OrdinalIgnoreCase):
                    break;
                case "SMTPUTF8" when value is null:
                    smtpUtf8 = true;
                    break;

                // Note: RFC 3461 §4.3 — RET is FULL or HDRS, given at most once.
                case "RET" when dsnReturn is null && (string.Equals(value, "FULL", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "HDRS", StringComparison.OrdinalIgnoreCase)):
                    dsnReturn = value!.ToUpperInvariant();
                    break;
                case "RET":
                    throw new SmtpReplyException(SmtpReplies.BadDsnParameter);

                // Note: RFC 3461 §4.4 — ENVID is xtext of at most 100 characters.
                case "ENVID" when envelopeId is null && value is { Length: > 0 and <= 100 } && SmtpXtext.IsValid(value):
                    envelopeId = value;
                    break;
                case "ENVID":
                    throw new SmtpReplyException(SmtpReplies.BadDsnParameter);

                // Note: RFC 4954 §5 — AUTH=<mailbox> may be sent by any client that saw AUTH in EHLO; it is accepted and ignored.
                case "AUTH":
                    break;
                default:
                    throw new SmtpReplyException(SmtpReplies.UnsupportedParameter);
            }
        }

        if (!command.IsAscii && !smtpUtf8)
        {
            throw new SmtpReplyException(SmtpReplies.NonAsciiAddress);
        }

        session.Transaction = new SmtpTransaction(path.Address, eightBitMime, declaredSize)
        {
            SmtpUtf8 = smtpUtf8,
            DsnReturn = dsnReturn,
            DsnEnvelopeId = envelopeId,
        };
        session.State = SmtpSessionState.MailFrom;
        await session.ReplyAsync(new SmtpReply(250, "2.1.0", $"Sender <{path.Address}> OK"), cancellationToken).ConfigureAwait(false);
    }
}

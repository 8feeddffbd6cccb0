namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// RCPT TO (RFC 5321 §4.1.1.3): accepted only for the operator's domains (<see cref="SmtpSimulatorOptions.AcceptedDomains"/>),
/// up to <see cref="SmtpSimulatorOptions.MaxRecipients"/>.
/// </summary>
internal sealed class RcptCommandHandler : ISmtpCommandHandler
{
    public string Verb => "RCPT";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.InTransaction;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        var path = SmtpPath.Parse(command.Argument, "TO") ?? throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: RCPT TO:<address>"));

        // Note: no DSN is advertised, so no RCPT parameter (NOTIFY, ORCPT) is valid here (RFC 5321 §4.1.1.11).
        if (path.Parameters.Count > 0)
        {
            throw new SmtpReplyException(SmtpReplies.UnsupportedParameter);
        }

        var domain = path.Domain ?? throw new SmtpReplyException(new SmtpReply(501, "5.1.3", "Bad recipient address syntax"));
        if (!session.Server.Options.AcceptsDomain(domain))
        {
            throw new SmtpReplyException(SmtpReplies.RelayDenied);
        }

        var transaction = session.Transaction ?? throw new InvalidOperationException("RCPT outside a transaction passed the state guard.");
        if (transaction.Recipients.Count >= session.Server.Options.MaxRecipients)
        {
            throw new SmtpReplyException(SmtpReplies.TooManyRecipients);
        }

        transaction.AddRecipient(path.Address);
        session.State = SmtpSessionState.RcptTo;
        await session.ReplyAsync(new SmtpReply(250, "2.1.5", $"Recipient <{path.Address}> OK"), cancellationToken).ConfigureAwait(false);
    }
}

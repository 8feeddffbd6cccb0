namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>STARTTLS (RFC 3207): <c>220 2.0.0</c>, then the TLS handshake; the session then waits for a new EHLO.</summary>
internal sealed class StartTlsCommandHandler : ISmtpCommandHandler
{
    public string Verb => "STARTTLS";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.Ready;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax error (no parameters allowed)"));
        }

        if (session.Server.Certificate is null)
        {
            throw new SmtpReplyException(new SmtpReply(502, "5.5.1", "STARTTLS not available"));
        }

        if (session.IsTls)
        {
            throw new SmtpReplyException(new SmtpReply(503, "5.5.1", "TLS already active"));
        }

        await session.ReplyAsync(new SmtpReply(220, "2.0.0", "Ready to start TLS"), cancellationToken).ConfigureAwait(false);
        await session.UpgradeToTlsAsync(cancellationToken).ConfigureAwait(false);
    }
}

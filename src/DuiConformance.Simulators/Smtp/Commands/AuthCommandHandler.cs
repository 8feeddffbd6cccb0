namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// AUTH (RFC 4954): refused with <c>530 5.7.0</c> before TLS (the attempt is recorded as <c>authBeforeTls</c>, DUI-SEC-01),
/// then dispatched to the named SASL mechanism.
/// </summary>
/// <remarks>
/// AUTH is accepted in every command state so the TLS check comes first: a client that sends AUTH in clear is recorded
/// whatever else it got wrong. The sequence check (only outside a transaction, RFC 4954 §4) follows.
/// </remarks>
internal sealed class AuthCommandHandler : ISmtpCommandHandler
{
    public string Verb => "AUTH";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (!session.IsTls)
        {
            session.AuthBeforeTls = true;
            session.Transcript.Note("AUTH attempted before TLS");
            throw new SmtpReplyException(SmtpReplies.MustStartTls);
        }

        if (session.State != SmtpSessionState.Ready)
        {
            throw new SmtpReplyException(SmtpReplies.BadSequence);
        }

        if (session.AuthUser is not null)
        {
            throw new SmtpReplyException(new SmtpReply(503, "5.5.1", "Already authenticated"));
        }

        var parts = command.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            throw new SmtpReplyException(SmtpReplies.BadArguments);
        }

        var mechanism = session.Server.AuthMechanisms.FirstOrDefault(
            candidate => string.Equals(candidate.Name, parts[0], StringComparison.OrdinalIgnoreCase))
            ?? throw new SmtpReplyException(SmtpReplies.UnknownMechanism);
        var user = await mechanism.AuthenticateAsync(session.AuthExchange, parts.Length == 2 ? parts[1] : null, cancellationToken).ConfigureAwait(false);
        session.AuthMechanism = mechanism.Name;
        session.AuthUser = user;
        session.Transcript.Note($"authenticated as {user} with {mechanism.Name}");
        await session.ReplyAsync(SmtpReplies.AuthenticationSucceeded, cancellationToken).ConfigureAwait(false);
    }
}

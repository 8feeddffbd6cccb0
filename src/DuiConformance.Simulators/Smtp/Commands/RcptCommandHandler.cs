namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// RCPT TO (RFC 5321 §4.1.1.3) with the RFC 3461 <c>NOTIFY</c> and <c>ORCPT</c> parameters: accepted only for the
/// operator's domains (<see cref="SmtpSimulatorOptions.AcceptedDomains"/>, else <c>550 5.7.1</c>), only for a mailbox of
/// its directory (<see cref="SmtpSimulatorOptions.Directory"/>, else <c>550 5.1.1</c>), up to
/// <see cref="SmtpSimulatorOptions.MaxRecipients"/> (then <c>452 4.5.3</c>).
/// </summary>
internal sealed class RcptCommandHandler : ISmtpCommandHandler
{
    private static readonly string[] NotifyKeywords = ["SUCCESS", "FAILURE", "DELAY"];

    public string Verb => "RCPT";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.InTransaction;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        var path = SmtpPath.Parse(command.Argument, "TO") ?? throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: RCPT TO:<address>"));
        var transaction = session.Transaction ?? throw new InvalidOperationException("RCPT outside a transaction passed the state guard.");
        string? notify = null, originalRecipient = null;
        foreach (var (key, value) in path.Parameters)
        {
            switch (key)
            {
                case "NOTIFY" when notify is null && value is not null && IsValidNotify(value):
                    notify = value.ToUpperInvariant();
                    break;
                case "ORCPT" when originalRecipient is null && value is not null && IsValidOriginalRecipient(value):
                    originalRecipient = value;
                    break;
                case "NOTIFY" or "ORCPT":
                    throw new SmtpReplyException(SmtpReplies.BadDsnParameter);
                default:
                    throw new SmtpReplyException(SmtpReplies.UnsupportedParameter);
            }
        }

        if (!command.IsAscii && !transaction.SmtpUtf8)
        {
            throw new SmtpReplyException(SmtpReplies.NonAsciiAddress);
        }

        var options = session.Server.Options;
        var domain = path.Domain ?? throw new SmtpReplyException(new SmtpReply(501, "5.1.3", "Bad recipient address syntax"));
        if (!options.AcceptsDomain(domain))
        {
            throw new SmtpReplyException(SmtpReplies.RelayDenied);
        }

        if (options.Directory is { } directory && directory.Find(path.Address) is null)
        {
            throw new SmtpReplyException(SmtpReplies.UnknownMailbox);
        }

        if (transaction.Recipients.Count >= options.MaxRecipients)
        {
            throw new SmtpReplyException(SmtpReplies.TooManyRecipients);
        }

        transaction.AddRecipient(new SmtpRecipient(path.Address, notify, originalRecipient));
        session.State = SmtpSessionState.RcptTo;
        await session.ReplyAsync(new SmtpReply(250, "2.1.5", $"Recipient <{path.Address}> OK"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 3461 §4.1: <c>NEVER</c> alone, or a comma list of SUCCESS, FAILURE, DELAY without repeats.</summary>
    private static bool IsValidNotify(string value)
    {
        if (string.Equals(value, "NEVER", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = value.Split(',');
        return parts.All(part => NotifyKeywords.Contains(part, StringComparer.OrdinalIgnoreCase))
            && parts.Distinct(StringComparer.OrdinalIgnoreCase).Count() == parts.Length;
    }

    /// <summary>RFC 3461 §4.2: <c>addr-type ";" xtext</c>, addr-type an atom such as <c>rfc822</c> (or <c>utf-8</c>, RFC 6533).</summary>
    private static bool IsValidOriginalRecipient(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return semicolon > 0 && value.Length - semicolon - 1 is > 0 and <= 500
            && value[..semicolon].All(character => char.IsAsciiLetterOrDigit(character) || character == '-')
            && SmtpXtext.IsValid(value[(semicolon + 1)..]);
    }
}

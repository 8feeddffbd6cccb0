using System.Globalization;

namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>
/// EHLO (RFC 5321 §4.1.1.1): greets, resets any transaction and lists the extensions. STARTTLS is offered only before
/// TLS, AUTH only after it (RFC 6409 §4.3 and the MSSanté rule that credentials never cross in clear).
/// </summary>
internal sealed class EhloCommandHandler : ISmtpCommandHandler
{
    public string Verb => "EHLO";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        var name = command.Argument.Trim();
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
        {
            throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: EHLO hostname"));
        }

        session.ResetTransaction();
        session.ClientName = name;
        session.State = SmtpSessionState.Ready;
        var server = session.Server;
        var lines = new List<string>
        {
            $"{server.Options.Domain} Hello {name}",
            "PIPELINING",
            string.Create(CultureInfo.InvariantCulture, $"SIZE {server.SizeLimit.Current}"),
            "8BITMIME",
            "ENHANCEDSTATUSCODES",
            "SMTPUTF8",
            "DSN",
        };
        if (!session.IsTls && server.Certificate is not null)
        {
            lines.Add("STARTTLS");
        }

        if (session.IsTls && server.AuthMechanisms.Count > 0)
        {
            lines.Add("AUTH " + string.Join(' ', server.AuthMechanisms.Select(mechanism => mechanism.Name)));
        }

        // Note: RFC 2034 §3 — no enhanced status code in the EHLO reply.
        await session.ReplyAsync(new SmtpReply(250, null, lines), cancellationToken).ConfigureAwait(false);
    }
}

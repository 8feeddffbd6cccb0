using System.Text;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// AUTHENTICATE PLAIN (RFC 3501 §6.2.2, RFC 4616), with the initial response on the line (SASL-IR, RFC 4959) or after
/// an empty <c>+</c> continuation; only after TLS.
/// </summary>
internal sealed class AuthenticateCommandHandler : IImapCommandHandler
{
    public string Name => "AUTHENTICATE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.NotAuthenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.CountBetween(command, 1, 2);
        if (!string.Equals(ImapArguments.Atom(command, 0), "PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            throw ImapReplyException.No("Unsupported authentication mechanism.");
        }

        if (!session.IsTls)
        {
            session.Transcript.Note("AUTHENTICATE attempted before TLS");
            throw ImapReplyException.No("[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.");
        }

        string response;
        if (command.Arguments.Count == 2)
        {
            response = ImapArguments.String(command, 1);
        }
        else
        {
            await session.WriteLineAsync("+ ", cancellationToken).ConfigureAwait(false);
            var line = await session.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.IsEndOfStream)
            {
                throw new IOException("Connection closed during AUTHENTICATE.");
            }

            response = Encoding.ASCII.GetString(line.Content.Span);
            session.Transcript.Client(response == "*" ? "*" : Smtp.SmtpSecretRedactor.Mask);
            if (response == "*")
            {
                throw ImapReplyException.Syntax("Authentication aborted by client.");
            }
        }

        var buffer = new byte[(response.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(response == "=" ? string.Empty : response, buffer, out var length))
        {
            throw ImapReplyException.Syntax("Invalid base64 data in continued response.");
        }

        var parts = Encoding.UTF8.GetString(buffer, 0, length).Split('\0');
        if (parts.Length != 3 || (parts[0].Length > 0 && parts[0] != parts[1]))
        {
            throw ImapReplyException.No("[AUTHENTICATIONFAILED] Authentication failed.");
        }

        var account = LoginCommandHandler.Check(session, parts[1], parts[2]);
        session.LogIn(account, "PLAIN");
        return new ImapCompletion($"[CAPABILITY {session.Capabilities()}] Logged in");
    }
}

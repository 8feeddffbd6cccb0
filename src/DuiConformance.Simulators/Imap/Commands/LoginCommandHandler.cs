using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// LOGIN (RFC 3501 §6.2.3): refused before TLS with <c>NO [PRIVACYREQUIRED]</c> (LOGINDISABLED is advertised; MSSanté
/// never lets credentials cross in clear, domain.md §4.2), then checked against the accounts.
/// </summary>
internal sealed class LoginCommandHandler : IImapCommandHandler
{
    public string Name => "LOGIN";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.NotAuthenticated;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 2);
        if (!session.IsTls)
        {
            session.AuthBeforeTls = true;
            session.Transcript.Note("LOGIN attempted before TLS");
            throw ImapReplyException.No("[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.");
        }

        var account = Check(session, ImapArguments.String(command, 0), ImapArguments.String(command, 1));
        session.LogIn(account, "LOGIN");
        return Task.FromResult<ImapCompletion?>(new ImapCompletion($"[CAPABILITY {session.Capabilities()}] Logged in"));
    }

    /// <summary>The account when the password matches (constant time), else <c>NO [AUTHENTICATIONFAILED]</c>.</summary>
    internal static MailboxAccount Check(ImapSession session, string user, string password)
    {
        var account = session.Server.FindAccount(user);
        if (account is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.Password), Encoding.UTF8.GetBytes(password)))
        {
            return account;
        }

        throw ImapReplyException.No("[AUTHENTICATIONFAILED] Authentication failed.");
    }
}

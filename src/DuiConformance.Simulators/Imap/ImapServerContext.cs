using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Mail;

namespace DuiConformance.Simulators.Imap;

/// <summary>What every session of one IMAP server shares.</summary>
/// <param name="Options">The server settings.</param>
/// <param name="Store">The mailboxes served.</param>
/// <param name="Evidence">Where session transcripts are recorded; <c>null</c> records none.</param>
/// <param name="Certificate">The certificate for STARTTLS; <c>null</c> disables STARTTLS (and so every login).</param>
/// <param name="Time">The clock.</param>
/// <param name="Commands">The command handlers.</param>
public sealed record ImapServerContext(
    ImapSimulatorOptions Options,
    MailStore Store,
    EvidenceStore? Evidence,
    SimulatorCertificate? Certificate,
    TimeProvider Time,
    ImapCommandMap Commands)
{
    /// <summary>The standard context with every command of <see cref="ImapCommandMap.CreateDefault"/>.</summary>
    public static ImapServerContext Create(ImapSimulatorOptions options, MailStore store, EvidenceStore? evidence, SimulatorCertificate? certificate, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        return new ImapServerContext(options, store, evidence, certificate, time ?? TimeProvider.System, ImapCommandMap.CreateDefault());
    }

    /// <summary>
    /// Checks Pro Santé Connect tokens for AUTHENTICATE XOAUTH2 and OAUTHBEARER (advertised as <c>AUTH=XOAUTH2
    /// AUTH=OAUTHBEARER</c> after TLS); <c>null</c> offers neither.
    /// </summary>
    public Sasl.MailboxTokenAuthenticator? Tokens { get; init; }

    /// <summary>The account with this user name, or <c>null</c>.</summary>
    public MailboxAccount? FindAccount(string user) =>
        Options.Accounts.FirstOrDefault(account => string.Equals(account.User, user, StringComparison.Ordinal));
}

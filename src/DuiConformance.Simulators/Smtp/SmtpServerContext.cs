using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Smtp.Auth;

namespace DuiConformance.Simulators.Smtp;

/// <summary>What every session of one SMTP server shares: settings, evidence store, TLS certificate, clock, verbs and SASL mechanisms.</summary>
/// <param name="Options">The server settings.</param>
/// <param name="Evidence">Where messages and transcripts are recorded before they are acknowledged.</param>
/// <param name="Certificate">The certificate for STARTTLS; <c>null</c> disables STARTTLS (and so AUTH and MAIL).</param>
/// <param name="Time">The clock for transcripts and timeouts (a fake one in tests).</param>
/// <param name="Commands">The verb handlers.</param>
/// <param name="AuthMechanisms">The SASL mechanisms offered after TLS, in EHLO order.</param>
public sealed record SmtpServerContext(
    SmtpSimulatorOptions Options,
    EvidenceStore Evidence,
    SimulatorCertificate? Certificate,
    TimeProvider Time,
    SmtpCommandMap Commands,
    IReadOnlyList<ISmtpAuthMechanism> AuthMechanisms)
{
    /// <summary>
    /// Where accepted messages are filed per recipient mailbox (read back over IMAP); <c>null</c> files nothing beyond
    /// the evidence store.
    /// </summary>
    public Mail.MailStore? Store { get; init; }

    /// <summary>The Pro Santé Connect revocation list the sessions authenticated by a token watch; <c>null</c> when no token mechanism is offered.</summary>
    public Psc.PscRevocationList? Revocations { get; init; }

    /// <summary>The message size limit in force (announced as <c>SIZE</c>, enforced on MAIL and DATA); a scenario may change it.</summary>
    public SmtpSizeLimit SizeLimit { get; init; } = new(Options.MaxMessageSize);

    /// <summary>
    /// This context with SASL XOAUTH2 and OAUTHBEARER added after the password mechanisms (domain.md §4.2: MSSanté asks
    /// for XOAUTH2 with a Pro Santé Connect token).
    /// </summary>
    public SmtpServerContext WithTokenAuthentication(Sasl.MailboxTokenAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return this with
        {
            AuthMechanisms = [.. AuthMechanisms, new SmtpOAuthMechanism(Sasl.OAuthSaslKind.XOAuth2, authenticator), new SmtpOAuthMechanism(Sasl.OAuthSaslKind.OAuthBearer, authenticator)],
            Revocations = authenticator.Revocations,
        };
    }

    /// <summary>
    /// The standard context: the default verbs and AUTH PLAIN and LOGIN over <see cref="SmtpSimulatorOptions.Accounts"/>,
    /// plus EXTERNAL when <see cref="SmtpSimulatorOptions.ClientCertificates"/> is set.
    /// </summary>
    public static SmtpServerContext Create(SmtpSimulatorOptions options, EvidenceStore evidence, SimulatorCertificate? certificate, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        return new SmtpServerContext(
            options,
            evidence,
            certificate,
            time ?? TimeProvider.System,
            SmtpCommandMap.CreateDefault(),
            options.ClientCertificates is null
                ? [new SmtpPlainMechanism(options.Accounts), new SmtpLoginMechanism(options.Accounts)]
                : [new SmtpPlainMechanism(options.Accounts), new SmtpLoginMechanism(options.Accounts), new SmtpExternalMechanism()]);
    }
}

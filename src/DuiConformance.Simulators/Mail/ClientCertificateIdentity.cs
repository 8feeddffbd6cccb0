namespace DuiConformance.Simulators.Mail;

/// <summary>
/// What a TLS client certificate proved about the client (domain.md §4.2: an organisation's applicative mailbox
/// authenticates with a certificate): its subject, and the directory mailbox it stands for, or why it was not accepted.
/// </summary>
/// <param name="Subject">The certificate subject as presented (RFC 4514 form); empty when the client sent no certificate.</param>
/// <param name="Mailbox">The mailbox the certificate authenticates; <c>null</c> when it was refused or absent.</param>
/// <param name="Refusal">Why the certificate does not authenticate anybody (English, for transcripts); <c>null</c> when accepted.</param>
public sealed record ClientCertificateIdentity(string Subject, string? Mailbox, string? Refusal)
{
    /// <summary>No client certificate was presented.</summary>
    public static ClientCertificateIdentity Absent { get; } = new(string.Empty, null, "no client certificate presented");

    /// <summary>The certificate authenticates <see cref="Mailbox"/>.</summary>
    public bool Accepted => Mailbox is not null;
}

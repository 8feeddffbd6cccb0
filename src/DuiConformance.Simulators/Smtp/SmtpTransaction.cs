namespace DuiConformance.Simulators.Smtp;

/// <summary>The mail transaction opened by MAIL FROM and closed by the end of DATA, RSET or EHLO (RFC 5321 §3.3).</summary>
public sealed class SmtpTransaction
{
    private readonly List<SmtpRecipient> _recipients = [];

    /// <summary>Opens a transaction.</summary>
    public SmtpTransaction(string reversePath, bool eightBitMime, long? declaredSize)
    {
        ReversePath = reversePath;
        EightBitMime = eightBitMime;
        DeclaredSize = declaredSize;
    }

    /// <summary>The MAIL FROM address without angle brackets; empty for the null reverse path <c>&lt;&gt;</c>.</summary>
    public string ReversePath { get; }

    /// <summary>True when MAIL FROM carried <c>BODY=8BITMIME</c> (RFC 6152): 8-bit octets are then allowed in DATA.</summary>
    public bool EightBitMime { get; }

    /// <summary>The <c>SIZE=</c> the client declared (RFC 1870), when it did.</summary>
    public long? DeclaredSize { get; }

    /// <summary>True when MAIL FROM carried <c>SMTPUTF8</c> (RFC 6531): UTF-8 addresses and headers are then allowed.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>The RFC 3461 <c>RET=</c> value (<c>FULL</c> or <c>HDRS</c>), or <c>null</c> when not given.</summary>
    public string? DsnReturn { get; init; }

    /// <summary>The RFC 3461 <c>ENVID=</c> value as sent (xtext), or <c>null</c> when not given.</summary>
    public string? DsnEnvelopeId { get; init; }

    /// <summary>The accepted RCPT TO addresses, in order.</summary>
    public IReadOnlyList<string> Recipients => [.. _recipients.Select(recipient => recipient.Address)];

    /// <summary>The accepted recipients with their DSN parameters, in order.</summary>
    public IReadOnlyList<SmtpRecipient> RecipientDetails => _recipients;

    /// <summary>Adds an accepted recipient without DSN parameters.</summary>
    public void AddRecipient(string address) => _recipients.Add(new SmtpRecipient(address, null, null));

    /// <summary>Adds an accepted recipient.</summary>
    public void AddRecipient(SmtpRecipient recipient) => _recipients.Add(recipient);
}

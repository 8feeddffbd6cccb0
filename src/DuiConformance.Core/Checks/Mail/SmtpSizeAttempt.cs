namespace DuiConformance.Core.Checks.Mail;

/// <summary>One SMTP transaction as the transcript shows it, with what matters for the size limit (RFC 1870).</summary>
/// <param name="TranscriptId">The <c>smtp-transcript</c> evidence item it was read from.</param>
/// <param name="Line">Its <c>MAIL FROM</c> line in the transcript, 1-based.</param>
/// <param name="Announced">The <c>SIZE</c> the server announced last before this transaction; <c>null</c> when none was.</param>
/// <param name="Declared">The <c>SIZE=</c> the client declared on <c>MAIL FROM</c>; <c>null</c> when it declared none.</param>
/// <param name="DataOctets">The octets the client transmitted after <c>DATA</c>, as the server counted them; <c>null</c> when it sent none.</param>
/// <param name="RefusedForSize">The server answered <c>552</c> to the transaction (at MAIL or after the data).</param>
public sealed record SmtpSizeAttempt(string TranscriptId, int Line, long? Announced, long? Declared, long? DataOctets, bool RefusedForSize)
{
    /// <summary>The message's size as far as the wire tells: the declared SIZE, else the octets sent; <c>null</c> when neither is known.</summary>
    public long? Size => Declared ?? DataOctets;

    /// <summary>The transaction carried a message over the limit: refused with 552, or larger than the announced SIZE.</summary>
    public bool OverSize => RefusedForSize || (Announced is { } limit && Size > limit);
}

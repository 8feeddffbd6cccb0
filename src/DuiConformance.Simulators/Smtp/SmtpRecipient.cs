namespace DuiConformance.Simulators.Smtp;

/// <summary>One accepted RCPT TO, with its RFC 3461 delivery status notification parameters.</summary>
/// <param name="Address">The recipient address without angle brackets.</param>
/// <param name="Notify">The <c>NOTIFY=</c> value in upper case (<c>NEVER</c> or a comma list of <c>SUCCESS</c>, <c>FAILURE</c>, <c>DELAY</c>), or <c>null</c> when not given.</param>
/// <param name="OriginalRecipient">The <c>ORCPT=</c> value as sent (<c>rfc822;</c> followed by xtext), or <c>null</c>.</param>
public sealed record SmtpRecipient(string Address, string? Notify, string? OriginalRecipient);

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Masks SASL secrets before a client line reaches the transcript (STYLE.md rule 10; the mirror of MailKit's
/// <c>SmtpAuthenticationSecretDetector</c>): the initial response of <c>AUTH &lt;mechanism&gt; &lt;response&gt;</c> and
/// every continuation line of an AUTH exchange become <see cref="Mask"/>.
/// </summary>
public static class SmtpSecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "********";

    /// <summary>A command line fit for the transcript: unchanged unless it is AUTH with an initial response.</summary>
    public static string RedactCommand(SmtpCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!string.Equals(command.Verb, "AUTH", StringComparison.Ordinal))
        {
            return command.Line;
        }

        var parts = command.Argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? command.Line : $"{command.Line[..4]} {parts[0]} {Mask}";
    }

    /// <summary>
    /// A line the client sent in answer to a <c>334</c> challenge: always masked, except the cancel line <c>*</c>
    /// (RFC 4954 §4), which carries no secret and explains the reply that follows.
    /// </summary>
    public static string RedactAuthResponse(string line) => line == "*" ? line : Mask;
}

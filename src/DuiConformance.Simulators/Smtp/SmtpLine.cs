namespace DuiConformance.Simulators.Smtp;

/// <summary>One line read from the client.</summary>
/// <param name="Content">The octets without the line ending, at most the reader's maximum; valid only until the next read.</param>
/// <param name="Ending">How the line ended.</param>
/// <param name="Length">The real length in octets, without the line ending, even when <see cref="Content"/> was cut.</param>
public readonly record struct SmtpLine(ReadOnlyMemory<byte> Content, SmtpLineEnding Ending, long Length)
{
    /// <summary>True when the line was longer than the reader's maximum and <see cref="Content"/> holds only its start.</summary>
    public bool Truncated => Length > Content.Length;

    /// <summary>True when the connection closed before the line ended.</summary>
    public bool IsEndOfStream => Ending == SmtpLineEnding.EndOfStream;
}

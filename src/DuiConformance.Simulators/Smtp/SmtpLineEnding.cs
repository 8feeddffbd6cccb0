namespace DuiConformance.Simulators.Smtp;

/// <summary>How a line read from the client ended.</summary>
public enum SmtpLineEnding
{
    /// <summary>CRLF, the only line ending RFC 5321 §2.3.8 allows.</summary>
    CrLf,

    /// <summary>A bare LF (not preceded by CR): tolerated, but recorded as the <c>bareLf</c> wire fact.</summary>
    Lf,

    /// <summary>The connection ended before any line ending: the line is incomplete (or empty at a clean close).</summary>
    EndOfStream,
}

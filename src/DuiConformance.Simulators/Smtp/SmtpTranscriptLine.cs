namespace DuiConformance.Simulators.Smtp;

/// <summary>One transcript line: when, who, and the text (already redacted).</summary>
public sealed record SmtpTranscriptLine(DateTimeOffset At, SmtpTranscriptDirection Direction, string Text);

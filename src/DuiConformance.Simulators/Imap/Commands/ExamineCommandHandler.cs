namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>EXAMINE (RFC 3501 §6.3.2): SELECT read-only; <c>\Recent</c> is left as it is.</summary>
internal sealed class ExamineCommandHandler : SelectCommandHandler
{
    public override string Name => "EXAMINE";

    protected override bool ReadOnly => true;
}

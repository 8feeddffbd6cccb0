namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>LSUB (RFC 3501 §6.3.9): LIST over the subscribed names only.</summary>
internal sealed class LsubCommandHandler : ListCommandHandler
{
    public override string Name => "LSUB";

    protected override IReadOnlyList<string> Candidates(ImapSession session) => session.Mailbox!.Subscribed;
}

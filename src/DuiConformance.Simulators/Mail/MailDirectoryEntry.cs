namespace DuiConformance.Simulators.Mail;

/// <summary>One mailbox known to the simulated operator's directory.</summary>
/// <param name="Address">The address, compared case-insensitively.</param>
/// <param name="Kind">The mailbox kind (PER, ORG, APP, CAB or a patient mailbox).</param>
/// <param name="Label">The human label shown next to the address, e.g. <c>Dr Fictif (médecin traitant)</c>.</param>
public sealed record MailDirectoryEntry(string Address, MailboxKind Kind, string Label)
{
    /// <summary>Whether a message accepted for this mailbox is filed or fails after acceptance (failure DSN).</summary>
    public MailboxDelivery Delivery { get; init; } = MailboxDelivery.Normal;
}

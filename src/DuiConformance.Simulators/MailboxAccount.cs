namespace DuiConformance.Simulators;

/// <summary>A mailbox of the simulated MSSanté operator: its address and the credentials a DUI uses for SMTP AUTH.</summary>
/// <param name="Address">The MSSanté address, e.g. <c>secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr</c>.</param>
/// <param name="User">The AUTH user name.</param>
/// <param name="Password">The AUTH password; a secret, never written to evidence or logs by the simulators.</param>
public sealed record MailboxAccount(string Address, string User, string Password)
{
    /// <summary>Shows the address and user only, so the password never ends up in a log by accident.</summary>
    public override string ToString() => $"{Address} (user {User})";
}

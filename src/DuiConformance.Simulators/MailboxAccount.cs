namespace DuiConformance.Simulators;

/// <summary>A mailbox of the simulated MSSanté operator: its address and the credentials a DUI uses for SMTP AUTH.</summary>
/// <param name="Address">The MSSanté address, e.g. <c>secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr</c>.</param>
/// <param name="User">The AUTH user name.</param>
/// <param name="Password">The AUTH password; a secret, never written to evidence or logs by the simulators.</param>
public sealed record MailboxAccount(string Address, string User, string Password)
{
    /// <summary>
    /// Who may open this mailbox with a Pro Santé Connect token (SASL XOAUTH2 / OAUTHBEARER): the national ids a token's
    /// <c>sub</c> carries, <c>8</c> + RPPS for a professional, <c>1</c> + FINESS for an organisation (domain.md §5.1).
    /// Empty: no token opens it (password only).
    /// </summary>
    /// <remarks>
    /// Note: the operator's directory (profiles/mssante/directory.csv) says which mailboxes exist; who holds them is the
    /// operator's account data, so it lives here beside the password. The host's default mailbox (the EHPAD secretariat,
    /// an ORG mailbox) is held by the default organisation and the default professional working for it.
    /// </remarks>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>Shows the address and user only, so the password never ends up in a log by accident.</summary>
    public override string ToString() => $"{Address} (user {User})";
}

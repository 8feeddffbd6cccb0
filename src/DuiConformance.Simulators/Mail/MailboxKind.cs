namespace DuiConformance.Simulators.Mail;

/// <summary>
/// The kind of an MSSanté mailbox (TRE_R257-TypeBAL, domain.md §4.1) plus the Mon espace santé patient mailbox. The kind
/// decides who may write to it: a patient mailbox accepts only messages from professionals and structures.
/// </summary>
public enum MailboxKind
{
    /// <summary><c>PER</c>: a professional's personal mailbox, e.g. <c>dr.fictif@medecin.mssante.fr</c>.</summary>
    Personal,

    /// <summary><c>ORG</c>: an organisation's mailbox (a secretariat, a service).</summary>
    Organisation,

    /// <summary><c>APP</c>: an application's mailbox (a DUI or a hospital system sending automatically).</summary>
    Application,

    /// <summary><c>CAB</c>: a practice's shared mailbox.</summary>
    Practice,

    /// <summary>A citizen's Mon espace santé mailbox, <c>&lt;INS-NIR&gt;@patient.mssante.fr</c> (domain.md §4.1).</summary>
    Patient,
}

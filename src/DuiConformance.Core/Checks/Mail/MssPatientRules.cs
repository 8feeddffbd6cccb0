using System.Text;
using DuiConformance.Core.Checks.Ins;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// Patient messaging (Mon espace santé) rules the operator can observe (domain.md §4.1, §4.4, §8.5 MSS-07): every
/// <c>@patient.mssante.fr</c> address a DUI writes to (accepted or refused by the operator) has a 15-digit INS-NIR with
/// its key as local part, and <c>X-MSS-MES</c> is <c>FIN</c> and only on messages to a patient mailbox.
/// </summary>
public static class MssPatientRules
{
    /// <summary>The domain of Mon espace santé mailboxes.</summary>
    public const string PatientDomain = "patient.mssante.fr";

    /// <summary>The header by which a professional blocks the patient's replies (Réf#2 ECO.2.2.8).</summary>
    public const string Mes = "X-MSS-MES";

    /// <summary>True when <paramref name="address"/> is in the Mon espace santé domain.</summary>
    public static bool IsPatientAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at > 0 && string.Equals(address[(at + 1)..].Trim().TrimEnd('>'), PatientDomain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why the local part of a patient address is not an INS-NIR, or <c>null</c> when it is one.</summary>
    public static string? AddressProblem(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var local = address[..address.LastIndexOf('@')];
        if (local.Length != InsMatricule.Length || !local.All(char.IsAsciiDigit))
        {
            return $"la partie locale « {local} » doit être le matricule INS-NIR de 15 chiffres (13 chiffres et la clé)";
        }

        return InsMatricule.Validate(local);
    }

    /// <summary>The RCPT TO addresses a transcript shows the client sending, in order.</summary>
    public static IReadOnlyList<string> RcptAddresses(ReadOnlySpan<byte> transcript)
    {
        var result = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(transcript).Split('\n'))
        {
            var marker = line.IndexOf(" C: ", StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }

            var command = line[(marker + 4)..];
            if (!command.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var open = command.IndexOf('<', StringComparison.Ordinal);
            var close = command.IndexOf('>', StringComparison.Ordinal);
            if (open >= 0 && close > open)
            {
                result.Add(command[(open + 1)..close]);
            }
        }

        return result;
    }

    /// <summary>X-MSS-MES findings for one message: the value is exactly FIN, once, and only towards a patient mailbox.</summary>
    public static IReadOnlyList<Finding>? MesHeader(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.All(Mes);
        var toPatient = (item.Property(SmtpProperties.RcptTo) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Any(IsPatientAddress);
        if (headers.Count == 0)
        {
            return toPatient ? [] : null;
        }

        var findings = new List<Finding>();
        if (!toPatient)
        {
            findings.Add(MailFindings.MesWithoutPatient.At(MailCheckRunner.At(item, Mes, headers[0]),
                $"En-tête {Mes} sur un message sans destinataire @{PatientDomain} : il n'a de sens que vers la messagerie citoyenne (Réf#2 ECO.2.2.8)."));
        }

        if (headers.Count > 1)
        {
            findings.Add(MailFindings.MesValueInvalid.At(MailCheckRunner.At(item, Mes, headers[1]), $"En-tête {Mes} répété ({headers.Count} fois)."));
        }

        findings.AddRange(headers.Where(header => !string.Equals(header.Value.Trim(), "FIN", StringComparison.Ordinal))
            .Select(header => MailFindings.MesValueInvalid.At(MailCheckRunner.At(item, Mes, header),
                $"{Mes} vaut « {header.Value} » : seule la valeur FIN est définie (Réf#2 ECO.2.2.8).")));
        return findings;
    }
}

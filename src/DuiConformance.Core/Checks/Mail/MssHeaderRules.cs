using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>MSSanté-specific headers X-MSS-NIL, X-MSS-CODECDA and X-MSS-INS (Réf#2 ECO.2.4.1–3, domain.md §4.4).</summary>
public static class MssHeaderRules
{
    /// <summary>Product reference header, on every message.</summary>
    public const string Nil = "X-MSS-NIL";

    /// <summary>CDA codes header, when CDA documents are attached.</summary>
    public const string CodeCda = "X-MSS-CODECDA";

    /// <summary>Qualified-INS flag header, when CDA documents are attached.</summary>
    public const string Ins = "X-MSS-INS";

    /// <summary>MSS-05: X-MSS-NIL present and non-empty.</summary>
    public static IReadOnlyList<Finding> NilPresent(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.All(Nil);
        if (headers.Count == 0)
        {
            return [MailFindings.NilMissing.At(MailCheckRunner.At(item, Nil), $"En-tête {Nil} absent : il doit porter la référence Convergence du produit sur chaque message.")];
        }

        return [.. headers.Where(header => header.Value.Length == 0)
            .Select(header => MailFindings.NilEmpty.At(MailCheckRunner.At(item, Nil, header), $"En-tête {Nil} vide."))];
    }

    /// <summary>
    /// MSS-06: with CDA documents in IHE_XDM.ZIP, X-MSS-CODECDA lists their codes (any order) and X-MSS-INS is O iff one
    /// carries a qualified INS, else N; without CDA, both are absent. The CDA documents are found without METADATA.XML.
    /// </summary>
    public static IReadOnlyList<Finding> CdaAndIns(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message is null)
        {
            return [MailFindings.Unreadable.At(new FindingLocation(item.Id), message.Error ?? "Message MIME illisible.")];
        }

        var documents = CdaExtractor.FromMessage(item.Id, message).Documents;
        var codeHeaders = message.All(CodeCda);
        var insHeaders = message.All(Ins);
        var findings = new List<Finding>();
        if (documents.Count == 0)
        {
            findings.AddRange(codeHeaders.Concat(insHeaders).Select(header => MailFindings.HeaderWithoutCda.At(
                MailCheckRunner.At(item, header.Name, header),
                $"En-tête {header.Name} présent alors qu'aucun document CDA n'est joint dans IHE_XDM.ZIP : il doit être absent.")));
            return findings;
        }

        var expectedCodes = documents.Select(document => document.Code ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var expectedText = string.Join(",", documents.Select(document => document.Code ?? string.Empty));
        if (codeHeaders.Count == 0)
        {
            findings.Add(MailFindings.CodeCdaMissing.At(MailCheckRunner.At(item, CodeCda), $"En-tête {CodeCda} absent alors que {documents.Count} document(s) CDA sont joints (attendu « {expectedText} »)."));
        }
        else
        {
            var header = codeHeaders[0];
            var actual = header.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (!actual.SetEquals(expectedCodes))
            {
                findings.Add(MailFindings.CodeCdaMismatch.At(MailCheckRunner.At(item, CodeCda, header), $"{CodeCda} vaut « {header.Value} » alors que les CDA joints ont pour code « {expectedText} »."));
            }
        }

        var expectedIns = documents.Any(InsIdentity.IsQualified) ? "O" : "N";
        if (insHeaders.Count == 0)
        {
            findings.Add(MailFindings.InsMissing.At(MailCheckRunner.At(item, Ins), $"En-tête {Ins} absent alors qu'un document CDA est joint (attendu « {expectedIns} »)."));
        }
        else if (!string.Equals(insHeaders[0].Value, expectedIns, StringComparison.Ordinal))
        {
            findings.Add(MailFindings.InsMismatch.At(
                MailCheckRunner.At(item, Ins, insHeaders[0]),
                expectedIns == "O"
                    ? $"{Ins} vaut « {insHeaders[0].Value} » alors qu'un CDA joint porte une INS qualifiée (matricule, OID et traits) : attendu « O »."
                    : $"{Ins} vaut « {insHeaders[0].Value} » alors qu'aucun CDA joint ne porte d'INS qualifiée : attendu « N »."));
        }

        return findings;
    }
}

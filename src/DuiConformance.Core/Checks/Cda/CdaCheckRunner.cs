using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>
/// The shared body of the CDA checks: find every CDA on both channels, apply one rule to each, collect every finding.
/// A rule returns <c>null</c> for a document it does not apply to.
/// </summary>
public static class CdaCheckRunner
{
    /// <summary>Skip reason when no CDA was found.</summary>
    public const string NoCdaReason =
        "Aucun document CDA dans les preuves : ni Binary XML dans une requête ITI-65, ni fichier XML sous IHE_XDM/ dans une pièce jointe IHE_XDM.ZIP d'un message MSSanté.";

    /// <summary>
    /// Applies <paramref name="rule"/> to every readable CDA. Unreadable CDA parts are CDA-1001 findings when
    /// <paramref name="reportUnreadable"/> is true. Skips when nothing was found, or when the rule applied to no document
    /// (then with <paramref name="notApplicableReason"/>).
    /// </summary>
    public static CheckResult Run(
        EvidenceSet evidence,
        Func<CdaDocument, IReadOnlyList<Finding>?> rule,
        bool reportUnreadable = true,
        string? notApplicableReason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var extraction = CdaExtractor.Extract(evidence);
        if (extraction.IsEmpty)
        {
            return CheckResult.Skip(NoCdaReason);
        }

        var findings = new List<Finding>();
        var judged = 0;
        if (reportUnreadable)
        {
            foreach (var failure in extraction.Failures)
            {
                findings.Add(CdaFindings.Unreadable.At(
                    failure.Source.At(null, failure.Error.Line, failure.Error.Column),
                    $"Document CDA illisible ({failure.Source.Channel}) : {failure.Error.Message}"));
                judged++;
            }
        }

        foreach (var document in extraction.Documents)
        {
            if (rule(document) is { } found)
            {
                findings.AddRange(found);
                judged++;
            }
        }

        if (judged == 0)
        {
            return CheckResult.Skip(notApplicableReason ?? NoCdaReason);
        }

        return CheckResult.FromFindings(findings, extraction.EvidenceIds);
    }
}

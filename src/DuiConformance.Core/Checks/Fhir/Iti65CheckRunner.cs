using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// The shared body of the ITI-65 checks: read every ITI-65 request, report unreadable bodies, apply one rule to each
/// readable one. A rule returns <c>null</c> when the bundle holds nothing it judges.
/// </summary>
public static class Iti65CheckRunner
{
    /// <summary>Skip reason when no ITI-65 request was recorded.</summary>
    public const string NoRequestReason = "Aucune requête ITI-65 (Provide Document Bundle) reçue par le simulateur PDSm.";

    /// <summary>Applies <paramref name="rule"/> to every readable ITI-65 request of <paramref name="evidence"/>.</summary>
    public static CheckResult Run(EvidenceSet evidence, Func<Iti65Bundle, IReadOnlyList<Finding>?> rule, string? notApplicableReason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var bundles = Iti65BundleReader.ReadAll(evidence);
        if (bundles.Count == 0)
        {
            return CheckResult.Skip(NoRequestReason);
        }

        var findings = new List<Finding>();
        var judged = 0;
        foreach (var bundle in bundles)
        {
            if (bundle.Resource is null)
            {
                findings.Add(FhirFindings.Unreadable.At(bundle.At("Bundle"), bundle.Error ?? "Ressource FHIR illisible."));
                judged++;
                continue;
            }

            if (rule(bundle) is { } found)
            {
                findings.AddRange(found);
                judged++;
            }
        }

        if (judged == 0)
        {
            return CheckResult.Skip(notApplicableReason ?? NoRequestReason);
        }

        return CheckResult.FromFindings(findings, [.. bundles.Select(bundle => bundle.Item.Id)]);
    }
}

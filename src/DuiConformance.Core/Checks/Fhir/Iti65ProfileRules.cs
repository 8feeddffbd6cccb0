using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// The shared body of the profile-based ITI-65 checks (domain.md §8.4 PDSM-04, -05, -06, -12): every readable ITI-65
/// bundle is judged by the <see cref="FhirProfileChecker"/> with our embedded definitions (profiles/fhir/), and a check
/// keeps the issues bearing on its part of the bundle, restated against its requirement.
/// </summary>
public static class Iti65ProfileRules
{
    private static readonly Lazy<FhirProfileChecker> LazyChecker = new(() => new FhirProfileChecker(FhirDefinitionLoader.Embedded));

    /// <summary>The checker over our embedded definitions, shared by the checks.</summary>
    public static FhirProfileChecker Checker => LazyChecker.Value;

    /// <summary>
    /// Runs the checker on every ITI-65 bundle of <paramref name="evidence"/> and keeps the issues <paramref name="keep"/>
    /// selects, as findings bearing on <paramref name="requirement"/>. <paramref name="applies"/> says whether a bundle
    /// holds anything this check judges (else the check skips with <paramref name="notApplicable"/>).
    /// </summary>
    public static CheckResult Run(
        EvidenceSet evidence, string requirement, Func<ProfileIssue, bool> keep, Func<Iti65Bundle, bool> applies, string notApplicable, bool withDefinitions = false,
        FhirProfileChecker? checkerOverride = null)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(applies);
        var used = checkerOverride ?? Checker;
        if (used.Definitions.LoadProblems.Count > 0)
        {
            return CheckResult.HarnessError(
                $"{HarnessCodes.FhirDefinitionsInvalid} : définitions FHIR illisibles ({string.Join(" ; ", used.Definitions.LoadProblems.Take(3).Select(problem => $"{problem.Location} {problem.Message}"))}).");
        }

        return Iti65CheckRunner.Run(evidence, bundle =>
        {
            if (!applies(bundle))
            {
                return null;
            }

            var checker = used;
            // Note: notes (severity info: what could not be judged offline) go with the profile-validation check only.
            var issues = checker.Check(bundle.Resource!).Where(issue => keep(issue) && (withDefinitions || issue.Severity != Severity.Info)).ToList();
            var findings = FhirProfileChecker.ToFindings(issues, bundle.Item.Id, null, [requirement]).ToList();
            if (withDefinitions)
            {
                var applied = checker.ProfilesFor(bundle.Resource!);
                findings.Add(new Finding(
                    FhirProfileFindings.DefinitionsUsed.Code,
                    FhirProfileFindings.DefinitionsUsed.Severity,
                    $"Définitions utilisées : {string.Join(" ; ", checker.Definitions.Sources)} ; profil appliqué au Bundle : {(applied.Count == 0 ? "aucun" : string.Join(", ", applied))}.",
                    bundle.At("Bundle"),
                    [requirement]));
            }

            return findings;
        }, notApplicable);
    }

    /// <summary>True when the bundle holds at least one DocumentReference.</summary>
    public static bool HasDocumentReference(Iti65Bundle bundle) =>
        bundle?.EntriesOf<Hl7.Fhir.Model.DocumentReference>().Count > 0;

    /// <summary>True when the bundle holds at least one List.</summary>
    public static bool HasList(Iti65Bundle bundle) =>
        bundle?.EntriesOf<Hl7.Fhir.Model.List>().Count > 0;
}

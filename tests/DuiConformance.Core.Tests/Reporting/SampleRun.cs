using DuiConformance.Core.Checks;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Tests.Reporting;

/// <summary>Builds report inputs over the real catalogue and 2025 rule set, with one check per requirement.</summary>
internal static class SampleRun
{
    public const string DmpScenario = "dmp-publish-dlu";
    public const string MssScenario = "mss-send-dlu";

    // Note: the first catalogue file only (the twelve shared, automated requirements): the other files hold requirements
    // no check tests yet, which these report tests do not exercise.
    private static readonly Lazy<RequirementCatalogue> LazyCatalogue = new(() => RequirementCatalogue.Load(RequirementCatalogue.DefaultPath));
    // Note: the sample run covers the twelve shared requirements of requirements.csv, so the 2025 rule set is read without
    // its DUI-INS lines (identity vigilance has its own checks and tests), its DUI-SEC-02/03 lines (MSSanté security
    // of catalogue-mss.csv, proven by MailSecurityCheckTests) nor its PDSm profile lines (DmpRequirementIds).
    private static readonly Lazy<EligibilityRuleSet> LazyRuleSet = new(() => EligibilityRuleSet.Parse(
        string.Join('\n', File.ReadAllLines(EligibilityRuleSet.DefaultPath("2025")).Where(line => !line.Contains("DUI-INS-", StringComparison.Ordinal) && !IsOtherCatalogueRequirement(line))),
        EligibilityRuleSet.DefaultPath("2025"),
        LazyCatalogue.Value));

    public static RequirementCatalogue Catalogue => LazyCatalogue.Value;

    // Note: likewise the rule set's lines naming requirements of the other catalogue files (MSSanté receipts, patient messaging…).
    private static bool IsOtherCatalogueRequirement(string line)
    {
        var item = line.Trim();
        return item.StartsWith("- DUI-", StringComparison.Ordinal) && !LazyCatalogue.Value.Contains(item[2..].Trim());
    }

    public static EligibilityRuleSet RuleSet => LazyRuleSet.Value;

    public static DateTimeOffset Start { get; } = new(2025, 10, 1, 8, 30, 0, TimeSpan.Zero);

    public static CheckDefinition Check(string id, params string[] verifies) =>
        new(id, $"Contrôle {id}", $"Check {id}", verifies, [EvidenceKinds.SmtpMessage], "Checks " + id + ".");

    public static CheckRun Run(string scenario, CheckDefinition check, Outcome outcome, params Finding[] findings) =>
        new(scenario, check, new CheckResult(outcome, findings, outcome == Outcome.Skip ? [] : ["ev-0001"], outcome is Outcome.Skip or Outcome.Error ? $"reason for {check.Id}" : null));

    public static Finding Error(string code, string message, params string[] requirements) =>
        new(code, Severity.Error, message, new FindingLocation("ev-0001", "IHE_XDM.ZIP", "/ClinicalDocument/realmCode", 3, 7), requirements);

    /// <summary>One check per requirement: CDA and DMP ones in the DMP scenario, MSS and SEC ones in the MSS scenario.</summary>
    public static List<CheckRun> AllPassing() =>
    [
        .. Catalogue.All.Select(requirement => Run(
            requirement.Theme is "CDA" or "DMP" ? DmpScenario : MssScenario,
            Check("check." + requirement.Id.ToLowerInvariant(), requirement.Id),
            Outcome.Pass)),
    ];

    /// <summary>All passing but the check of <paramref name="requirementId"/>, which gets <paramref name="outcome"/>.</summary>
    public static List<CheckRun> AllPassingBut(string requirementId, Outcome outcome, params Finding[] findings) =>
    [
        .. AllPassing().Select(run => run.Definition.Verifies.Contains(requirementId)
            ? Run(run.Scenario, run.Definition, outcome, findings)
            : run),
    ];

    public static IReadOnlyList<ScenarioReport> Scenarios(string outcome = "pass") =>
    [
        new(DmpScenario, "Publier un DLU dans le DMP", outcome, [new StepReport("open-record", "action", "Ouvrir le dossier de l'usager", outcome, null, ["ev-0001"])], ["DUI-DMP-01"]),
        new(MssScenario, "Envoyer un DLU par MSSanté", "pass", [new StepReport("send", "action", "Envoyer le message", "pass", null, [])], ["DUI-MSS-01"]),
    ];

    public static RunReportInput Input(IReadOnlyList<CheckRun> checks, string language = "fr", IReadOnlyList<ScenarioReport>? scenarios = null) => new()
    {
        Tool = new ToolInfo("DuiConformance", "0.1.0"),
        Sut = new SutInfo("DUI de référence", "1.0.0", "reference-dui", []),
        Campaign = "2025",
        RunId = "run-20251001-083000",
        StartedAt = Start,
        FinishedAt = Start.AddSeconds(83.4),
        Language = language,
        Scenarios = scenarios ?? Scenarios(),
        Checks = checks,
        Catalogue = Catalogue,
        RuleSet = RuleSet,
    };

    public static RunReport Report(IReadOnlyList<CheckRun> checks, string language = "fr") => RunReportBuilder.Build(Input(checks, language));

    public static EvidenceItem EvidenceItem(string id, string file) => new(
        id,
        EvidenceKinds.SmtpMessage,
        new EvidenceTags("run-20251001-083000", MssScenario, "send"),
        new string('a', 64),
        file,
        "message/rfc822",
        1234,
        Start,
        new Dictionary<string, string>());
}

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The content of <c>report.json</c>, schema version 1 (DESIGN.md §3). Outcomes and statuses are the lower-case wire
/// names (<c>pass|fail|skip|error|omit</c>, <c>ready|at-risk|blocked|not-applicable</c>) so the file reads the same from
/// any language.
/// </summary>
public sealed record RunReport
{
    /// <summary>Always 1 for this shape; a breaking change bumps it.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Report language, <c>fr</c> or <c>en</c>.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>The harness that produced the report.</summary>
    public required ToolInfo Tool { get; init; }

    /// <summary>The system under test.</summary>
    public required SutInfo Sut { get; init; }

    /// <summary>Eligibility rule set id, e.g. <c>2025</c>.</summary>
    public required string Campaign { get; init; }

    /// <summary>Run id (also the evidence tag <c>run</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Overall outcome: the worst outcome of the required checks.</summary>
    public required string Outcome { get; init; }

    /// <summary>Scenarios with their steps.</summary>
    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>Every check that ran, per scenario.</summary>
    public required IReadOnlyList<CheckReport> Checks { get; init; }

    /// <summary>Requirements with the outcome rolled up from their checks.</summary>
    public required IReadOnlyList<RequirementReport> Requirements { get; init; }

    /// <summary>Eligibility rules of the campaign and their status.</summary>
    public required IReadOnlyList<EligibilityReport> Eligibility { get; init; }

    /// <summary>Counts for the first screen.</summary>
    public required ReportSummary Summary { get; init; }

    /// <summary>
    /// The requirements to fix first: those that failed or are not proven and hold back at least one eligibility rule,
    /// the ones holding back the most rules first. Absent in reports written before it existed.
    /// </summary>
    public IReadOnlyList<FixFirstReport>? FixFirst { get; init; }

    /// <summary>The project given with <c>--organisation</c>, when one was.</summary>
    public OrganisationReport? Organisation { get; init; }

    /// <summary>The funding estimate of that project under the campaign, when an organisation was given.</summary>
    public FundingReport? Funding { get; init; }

    /// <summary>The report.json files merged into this one (<c>dui-conformance report</c> over shards), when any.</summary>
    public IReadOnlyList<string>? MergedFrom { get; init; }
}

/// <summary>A requirement to fix, and the eligibility rules it holds back (blocks or puts at risk).</summary>
public sealed record FixFirstReport(string Requirement, string Title, string Outcome, IReadOnlyList<string> Rules);

/// <summary>The project of an organisation file: its name, size, regions and the call it files with.</summary>
public sealed record OrganisationReport(string Name, string File, int EssmsCount, int Regions, string Route, string? FiledOn);

/// <summary>A funding estimate (see <see cref="Eligibility.FundingEstimate"/>): every line and the totals.</summary>
public sealed record FundingReport(
    IReadOnlyList<FundingLineReport> Lines,
    IReadOnlyList<EssmsFundingReport> PerEssms,
    decimal OwnerTotalEur,
    decimal OwnerAtStartEur,
    decimal OwnerOnUsageTargetsEur,
    decimal EditorTotalEur,
    decimal AtRiskEur,
    IReadOnlyList<ParameterReport>? Parameters = null);

/// <summary>A parameter of the campaign used by the estimate: its value, unit, meaning and source.</summary>
public sealed record ParameterReport(string Id, string Value, string Unit, string Description, string Source);

/// <summary>One funding figure with its rule, parameters, arithmetic and source.</summary>
public sealed record FundingLineReport(
    string Rule,
    string? Finess,
    string? Essms,
    string Beneficiary,
    decimal AmountEur,
    decimal AtStartEur,
    decimal OnUsageTargetsEur,
    bool Ceiling,
    string Status,
    string? OnUsageTargetsStatus,
    string Formula,
    IReadOnlyList<string> Parameters,
    string Source);

/// <summary>The total for one ESSMS: owner and editor money, and how much of it is at risk.</summary>
public sealed record EssmsFundingReport(string Finess, string Name, string Sector, string DuiChoice, decimal OwnerEur, decimal EditorEur, decimal AtRiskEur);

/// <summary>Name and version of the harness.</summary>
public sealed record ToolInfo(string Name, string Version);

/// <summary>The system under test: its name and version as it declared them, the preset used, the defects switched on.</summary>
public sealed record SutInfo(string Name, string Version, string Preset, IReadOnlyList<string> Defects);

/// <summary>One scenario and how it went; <paramref name="Evidence"/> holds scenario-wide artifacts such as the browser trace.</summary>
public sealed record ScenarioReport(string Id, string Title, string Outcome, IReadOnlyList<StepReport> Steps, IReadOnlyList<string> Verifies, IReadOnlyList<string>? Evidence = null);

/// <summary>One step of a scenario: an action, an expectation or a check group.</summary>
public sealed record StepReport(string Id, string Kind, string Title, string Outcome, string? Message, IReadOnlyList<string> Evidence);

/// <summary>One check result.</summary>
public sealed record CheckReport(
    string Id,
    string Title,
    string Outcome,
    IReadOnlyList<string> Requirements,
    string Scenario,
    IReadOnlyList<FindingReport> Findings,
    IReadOnlyList<string> Evidence,
    string? Reason);

/// <summary>One finding, with its location as text and as parts.</summary>
public sealed record FindingReport(string Code, string Severity, string Message, string Location, LocationReport? Where);

/// <summary>The parts of a finding's location.</summary>
public sealed record LocationReport(string? Evidence, string? Entry, string? Path, int? Line, int? Column);

/// <summary>One requirement and its rolled-up outcome.</summary>
/// <param name="Id">The requirement id.</param>
/// <param name="Title">Its title in the report language.</param>
/// <param name="Theme">INS, CDA, DMP, MES, MSS, ANN, PSC or SEC.</param>
/// <param name="Level">SHALL, SHOULD or MAY.</param>
/// <param name="OfficialRef">The official referencing id when known.</param>
/// <param name="Outcome">Rolled up from its checks; <c>skip</c> (not proven) when no check ran for it.</param>
/// <param name="Checks">The checks that ran for it.</param>
/// <param name="Verification"><c>automated</c>, <c>manual</c> or <c>not-tested</c>; absent in reports written before it existed (read as automated).</param>
/// <param name="Reason">For manual and not-tested requirements: what a person must attest, or why no check tests it.</param>
/// <param name="AppliesTo">Which DUIs it concerns (<see cref="Requirements.RequirementApplicability"/>).</param>
public sealed record RequirementReport(
    string Id,
    string Title,
    string Theme,
    string Level,
    string? OfficialRef,
    string Outcome,
    IReadOnlyList<string> Checks,
    string? Verification = null,
    string? Reason = null,
    IReadOnlyList<string>? AppliesTo = null)
{
    /// <summary>True when checks of the harness are meant to prove it (automated, or written before the field existed).</summary>
    public bool IsTestedByHarness => Verification is null or "automated";
}

/// <summary>One eligibility rule and its status.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">Its title in the report language.</param>
/// <param name="Status">ready, at-risk, blocked or not-applicable.</param>
/// <param name="Requires">The requirements it needs.</param>
/// <param name="BlockedBy">Failed requirements that block it.</param>
/// <param name="AtRiskBy">Requirements not proven that put it at risk.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Kind">How it is evaluated (requirements-gate, usage-target, group-admissibility…).</param>
/// <param name="Notes">What the organisation data says for it, when one was given.</param>
/// <param name="Description">What the rule is, in the report language.</param>
public sealed record EligibilityReport(
    string Id,
    string Title,
    string Status,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> BlockedBy,
    IReadOnlyList<string> AtRiskBy,
    string? Source,
    string? Kind = null,
    IReadOnlyList<string>? Notes = null,
    string? Description = null);

/// <summary>Counts shown on the first screen of the report.</summary>
public sealed record ReportSummary(
    int ChecksPassed,
    int ChecksFailed,
    int ChecksSkipped,
    int ChecksErrored,
    int RequirementsPassed,
    int RequirementsFailed,
    int RequirementsNotProven,
    int RulesReady,
    int RulesAtRisk,
    int RulesBlocked,
    int RequirementsNotTested = 0);

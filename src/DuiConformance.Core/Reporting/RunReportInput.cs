using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Reporting;

/// <summary>Everything <see cref="RunReportBuilder.Build"/> needs to write the report of a run.</summary>
public sealed record RunReportInput
{
    /// <summary>The harness that ran.</summary>
    public required ToolInfo Tool { get; init; }

    /// <summary>The system under test.</summary>
    public required SutInfo Sut { get; init; }

    /// <summary>The campaign id (<c>--campaign</c>), normally <see cref="RuleSet"/>'s id.</summary>
    public required string Campaign { get; init; }

    /// <summary>The run id (also the evidence tag <c>run</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Report language: <c>fr</c> (default) or <c>en</c>; titles of requirements, checks and rules follow it.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>The scenarios as the runner reported them, in run order.</summary>
    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>Every check evaluated, per scenario, in run order.</summary>
    public required IReadOnlyList<CheckRun> Checks { get; init; }

    /// <summary>The requirement catalogue: gives each requirement its level, theme and titles.</summary>
    public required RequirementCatalogue Catalogue { get; init; }

    /// <summary>The campaign's eligibility rules.</summary>
    public required EligibilityRuleSet RuleSet { get; init; }

    /// <summary>The project (<c>--organisation</c>), for the rules on the group and the funding estimate; <c>null</c> when none was given.</summary>
    public Organisations.Organisation? Organisation { get; init; }
}

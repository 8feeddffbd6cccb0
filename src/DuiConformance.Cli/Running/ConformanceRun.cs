using System.Globalization;
using System.Reflection;
using DuiConformance.Core;
using DuiConformance.Core.Catalogue;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Organisations;
using DuiConformance.Core.Reporting;
using DuiConformance.Core.Requirements;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Playwright;
using DuiConformance.Scenarios.Running;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Cli.Running;

/// <summary>
/// One <c>run</c>: start the simulators and the system under test on loopback, drive every scenario, judge the
/// evidence, and write the report files (DESIGN.md §2–3).
/// </summary>
public static class ConformanceRun
{
    /// <summary>The harness's name and version, as written in every report.</summary>
    public static ToolInfo Tool { get; } = new("DuiConformance", typeof(ConformanceRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>Runs the suite.</summary>
    /// <exception cref="UsageException">An unknown preset, defect, scenario or campaign was asked for.</exception>
    /// <exception cref="HarnessException">The harness could not start (port, browser, missing profile).</exception>
    public static async Task<RunResult> RunAsync(RunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Driver == "manual" && options.Parallel > 1)
        {
            throw new UsageException("--parallel ne s'applique pas au pilote manuel : une seule personne réalise les actions.");
        }

        var texts = new CliTexts(options.Language);
        var plan = RunPlan.Prepare(options);
        using var proofSigner = ProofRunStep.Prepare(options);

        var startedAt = TimeProvider.System.GetUtcNow();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var runId = startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var outputDirectory = Path.GetFullPath(options.OutputDirectory ?? UniqueDirectory(Path.Combine(RepositoryLayout.Root, "out", runId)));
        Directory.CreateDirectory(outputDirectory);
        var scenarios = options.Shard is { } shard ? ShardOf(plan.Scenarios, shard) : plan.Scenarios;

        if (!options.Quiet)
        {
            await output.WriteLineAsync(texts.Starting(scenarios.Count, options.Defects, options.Sut)).ConfigureAwait(false);
        }

        var progress = new RunProgress(output, texts, scenarios.Count, options.Parallel, options.Quiet, RunProgress.IsTerminal(output));
        LaneRunResult lanes;
        try
        {
            lanes = await LaneScheduler.RunAsync(options, scenarios, plan.UiMap, plan.Checks, outputDirectory, runId, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.Complete();
        }

        var results = lanes.Results;
        var sutName = lanes.SutName;
        var sutVersion = lanes.SutVersion;

        var report = RunReportBuilder.Build(new RunReportInput
        {
            Tool = Tool,
            Sut = new SutInfo(sutName, sutVersion, options.Sut, options.Defects),
            Campaign = options.Campaign,
            RunId = runId,
            StartedAt = startedAt,
            FinishedAt = TimeProvider.System.GetUtcNow(),
            Language = options.Language,
            Scenarios = [.. results.Select(result => result.Report)],
            Checks = [.. results.SelectMany(result => result.Checks).Select(check => new CheckRun(check.Scenario, check.Definition, check.Result))],
            Catalogue = plan.Requirements,
            RuleSet = plan.RuleSet,
            Organisation = plan.Organisation,
        });
        await ReportFiles.WriteAllAsync(report, outputDirectory, lanes.Evidence, cancellationToken).ConfigureAwait(false);
        if (options.Proof)
        {
            await output.WriteLineAsync(await ProofRunStep.WriteAsync(options, outputDirectory, proofSigner, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.UpdateLatest && options.OutputDirectory is null)
        {
            CopyToLatest(outputDirectory);
        }

        var exitCode = ReportExitCodes.ForOutcome(report.Outcome);
        await output.WriteLineAsync(texts.Finished(report, outputDirectory)).ConfigureAwait(false);
        return new RunResult(exitCode, outputDirectory, report) { Timings = new RunTimings(lanes.LaneStart, lanes.Durations, wall.Elapsed) };
    }

    private static List<ScenarioDefinition> ShardOf(IReadOnlyList<ScenarioDefinition> scenarios, ShardSpec shard)
    {
        var ids = shard.Select(scenarios.Select(scenario => scenario.Id));
        return [.. scenarios.Where(scenario => ids.Contains(scenario.Id))];
    }

    private static string UniqueDirectory(string candidate)
    {
        var path = candidate;
        for (var suffix = 2; Directory.Exists(path); suffix++)
        {
            path = string.Create(CultureInfo.InvariantCulture, $"{candidate}-{suffix}");
        }

        return path;
    }

    private static void CopyToLatest(string outputDirectory)
    {
        var latest = Path.Combine(Path.GetDirectoryName(outputDirectory)!, "latest");
        if (Directory.Exists(latest))
        {
            Directory.Delete(latest, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(latest, Path.GetRelativePath(outputDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Everything loaded and validated before anything starts, so a usage error costs no start-up.</summary>
    private sealed record RunPlan(
        IReadOnlyList<ScenarioDefinition> Scenarios,
        IReadOnlyDictionary<string, ICheck> Checks,
        UiMap? UiMap,
        RequirementCatalogue Requirements,
        EligibilityRuleSet RuleSet,
        Organisation? Organisation = null)
    {
        public static RunPlan Prepare(RunOptions options)
        {
            var preset = SutPreset.Load(options.Sut);
            if (preset.External && options.Defects.Count > 0)
            {
                throw new UsageException($"--sut-defect ne s'applique qu'au DUI de référence intégré (préréglage '{options.Sut}').");
            }

            if (preset.External)
            {
                _ = preset.BaseAddress(options.SutUrl);
                if (options.Parallel > 1)
                {
                    // Note: every lane would POST configure to the same DUI with its own simulators and overwrite the others'.
                    throw new UsageException("--parallel ne s'applique pas à un DUI externe : il n'a qu'une configuration de simulateurs à la fois.");
                }
            }

            if (options.Driver == "playwright" && preset.UiMapPath is null && options.UiMapPath is null)
            {
                throw new UsageException($"le préréglage '{options.Sut}' n'a pas de carte d'interface (uiMap) pour le pilote playwright ; utilisez --driver http-hooks.");
            }

            var defects = DefectCatalogue.Load(DefectCatalogue.DefaultPath);
            var unknownDefect = options.Defects.FirstOrDefault(defect => defects.Find(defect) is null);
            if (unknownDefect is not null)
            {
                throw new UsageException($"défaut inconnu '{unknownDefect}' (connus : {string.Join(", ", defects.Defects.Select(defect => defect.Name))}).");
            }

            var rulesPath = RepositoryLayout.Profile("eligibility", options.Campaign + ".yaml");
            if (!File.Exists(rulesPath))
            {
                throw new UsageException($"campagne inconnue '{options.Campaign}' (profiles/eligibility/{options.Campaign}.yaml absent).");
            }

            var requirements = RequirementCatalogue.LoadDefault();
            var ruleSet = EligibilityRuleSet.Load(rulesPath, requirements);
            var checks = CheckCatalogue.All.ToDictionary(check => check.Definition.Id, StringComparer.Ordinal);

            // Note: domain.md §10, the INS test OID behaviour is configurable (--ins-mode), and the official FHIR packages
            // a run judges with (--fhir-package) are named in the report by the profile-validation note.
            var insOid = new Core.Checks.Ins.InsOidModeCheck(options.InsMode);
            checks[insOid.Definition.Id] = insOid;
            if (options.FhirPackages.Count > 0)
            {
                var absent = options.FhirPackages.Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
                if (absent.Count > 0)
                {
                    throw new UsageException($"paquet FHIR introuvable : {string.Join(", ", absent)}");
                }

                var definitions = Core.Fhir.Profiles.FhirDefinitionLoader.Load(includeEmbedded: true, options.FhirPackages);
                if (definitions.LoadProblems.Count > 0)
                {
                    throw new UsageException($"paquet FHIR illisible : {string.Join(" ; ", definitions.LoadProblems.Take(3).Select(problem => $"{problem.Location} {problem.Message}"))}");
                }

                var profiles = new Core.Checks.Fhir.Iti65ProfileValidationCheck(new Core.Fhir.Profiles.FhirProfileChecker(definitions));
                checks[profiles.Definition.Id] = profiles;
            }
            IReadOnlyList<ScenarioDefinition> scenarios;
            UiMap? uiMap;
            try
            {
                scenarios = new ScenarioLoader(RepositoryLayout.Fixtures, checks.Keys).LoadDirectory(RepositoryLayout.Profile("scenarios"));
                uiMap = options.UiMapPath is not null ? UiMap.Load(options.UiMapPath) : preset.UiMapPath is null ? null : UiMap.Load(preset.UiMapPath);
            }
            catch (YamlFormatException exception)
            {
                throw new UsageException(exception.Message);
            }

            if (options.Scenarios.Count > 0)
            {
                var unknown = options.Scenarios.FirstOrDefault(id => scenarios.All(scenario => scenario.Id != id));
                if (unknown is not null)
                {
                    throw new UsageException($"scénario inconnu '{unknown}' (connus : {string.Join(", ", scenarios.Select(scenario => scenario.Id))}).");
                }

                scenarios = [.. scenarios.Where(scenario => options.Scenarios.Contains(scenario.Id))];
            }

            Organisation? organisation = null;
            if (options.Organisation is not null)
            {
                try
                {
                    organisation = OrganisationFile.Load(options.Organisation);
                }
                catch (HarnessException exception) when (exception.Code == OrganisationFile.LoadErrorCode)
                {
                    throw new UsageException(exception.Message);
                }
            }

            return new RunPlan(scenarios, checks, uiMap, requirements, ruleSet, organisation);
        }
    }
}

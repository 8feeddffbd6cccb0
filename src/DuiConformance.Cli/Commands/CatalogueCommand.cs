using System.CommandLine;
using System.Text.Json;
using DuiConformance.Core;
using DuiConformance.Core.Catalogue;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Cli.Commands;

/// <summary><c>dui-conformance catalogue</c>: what the harness knows (requirements, checks, defects).</summary>
public static class CatalogueCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("catalogue", "Liste les exigences, les contrôles et les règles de chaque campagne ; « catalogue defects --json » liste les défauts du DUI de référence.");
        command.SetAction(_ =>
        {
            var requirements = RequirementCatalogue.LoadDefault();
            output.WriteLine("Exigences :");
            foreach (var requirement in requirements.All)
            {
                output.WriteLine($"  {requirement.Id,-11} {requirement.Level,-5} {requirement.TitleFr}");
            }

            output.WriteLine("Contrôles :");
            foreach (var check in CheckCatalogue.All)
            {
                output.WriteLine($"  {check.Definition.Id,-34} {string.Join(",", check.Definition.Verifies),-22} {check.Definition.TitleFr}");
            }

            foreach (var path in Directory.GetFiles(RepositoryLayout.Profile("eligibility"), "*.yaml").Order(StringComparer.Ordinal))
            {
                var ruleSet = EligibilityRuleSet.Load(path, requirements);
                output.WriteLine($"Règles de la campagne {ruleSet.Id} ({ruleSet.Instruction.Reference}) :");
                foreach (var rule in ruleSet.Rules)
                {
                    output.WriteLine($"  {rule.Id,-34} {rule.Kind,-20} {rule.TitleFr}");
                }
            }

            return ExitCodes.Passed;
        });

        var jsonOption = new Option<bool>("--json") { Description = "Sortie JSON : [{\"name\":…,\"requirements\":[…]}]." };
        var defects = new Command("defects", "Défauts du DUI de référence et les exigences que chacun doit faire échouer.") { jsonOption };
        defects.SetAction(parse =>
        {
            var catalogue = DefectCatalogue.Load(DefectCatalogue.DefaultPath);
            if (parse.GetValue(jsonOption))
            {
                output.WriteLine(JsonSerializer.Serialize(catalogue.Defects.Select(defect => new { name = defect.Name, requirements = defect.Requirements, description = defect.Description }), Json));
            }
            else
            {
                foreach (var defect in catalogue.Defects)
                {
                    output.WriteLine($"{defect.Name,-22} → {string.Join(", ", defect.Requirements)} : {defect.Description}");
                }
            }

            return ExitCodes.Passed;
        });
        command.Subcommands.Add(defects);
        command.Subcommands.Add(CreateCoverage(output));
        return command;
    }

    /// <summary>
    /// <c>catalogue coverage [--out file.csv]</c>: the requirement → checks → scenarios table as CSV; exit 1 when a
    /// requirement has neither a check nor a stated reason, or a check or scenario names an unknown requirement.
    /// </summary>
    private static Command CreateCoverage(TextWriter output)
    {
        var outOption = new Option<string?>("--out") { Description = "Fichier CSV à écrire (défaut : sortie standard)." };
        var coverage = new Command("coverage", "Table exigence → contrôles → scénarios (CSV) ; échoue si une exigence n'a ni contrôle ni raison écrite.") { outOption };
        coverage.SetAction(async (parse, cancellationToken) =>
        {
            var table = RequirementCoverage.Build(
                RequirementCatalogue.LoadDefault(),
                CheckCatalogue.All.Select(check => check.Definition),
                RequirementCoverage.ReadScenarios(RepositoryLayout.Profile("scenarios")));
            var path = parse.GetValue(outOption);
            if (path is null)
            {
                await output.WriteAsync(table.ToCsv()).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(path, table.ToCsv(), new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Couverture : {Path.GetFullPath(path)} ({table.Rows.Count} exigences, {table.Rows.Count(row => row.Checks.Count > 0)} avec contrôle)").ConfigureAwait(false);
            }

            foreach (var problem in table.Problems)
            {
                await Console.Error.WriteLineAsync("Problème de couverture : " + problem).ConfigureAwait(false);
            }

            return table.Problems.Count == 0 ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return coverage;
    }
}

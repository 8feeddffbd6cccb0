using System.CommandLine;
using System.Text.Json;
using DuiConformance.Core;
using DuiConformance.Core.Catalogue;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Cli.Commands;

/// <summary><c>dui-conformance catalogue</c>: what the harness knows (requirements, checks, defects).</summary>
public static class CatalogueCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("catalogue", "Liste les exigences et les contrôles ; « catalogue defects --json » liste les défauts du DUI de référence.");
        command.SetAction(_ =>
        {
            var requirements = RequirementCatalogue.Load(RepositoryLayout.Profile("requirements", "requirements.csv"));
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
        return command;
    }
}

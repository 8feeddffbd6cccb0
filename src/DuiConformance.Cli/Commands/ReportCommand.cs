using System.CommandLine;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Commands;

/// <summary>
/// <c>dui-conformance report &lt;report.json&gt;…</c>: re-render the report files from a report.json, or merge the
/// report.json of several shards into one report (DESIGN.md §3).
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var input = new Argument<FileInfo[]>("report.json") { Description = "Le ou les report.json à relire (plusieurs : fusion des fragments d'une exécution).", Arity = ArgumentArity.OneOrMore };
        var outOption = new Option<string?>("--out") { Description = "Dossier de sortie (défaut : celui du report.json ; obligatoire pour une fusion)." };
        var command = new Command("report", "Régénère report.html, junit.xml et summary.md à partir d'un report.json, ou fusionne plusieurs report.json.") { input, outOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(input) ?? [];
            var missing = files.FirstOrDefault(file => !file.Exists);
            if (missing is not null)
            {
                throw new UsageException($"fichier introuvable : {missing.FullName}");
            }

            var directory = parse.GetValue(outOption);
            if (files.Length > 1 && directory is null)
            {
                throw new UsageException("--out est obligatoire pour fusionner plusieurs report.json (chacun garde le sien).");
            }

            var shards = new List<(string File, RunReport Report)>();
            foreach (var file in files)
            {
                try
                {
                    shards.Add((file.FullName, RunReportJson.Read(file.FullName)));
                }
                catch (InvalidDataException exception)
                {
                    throw new UsageException(exception.Message);
                }
            }

            RunReport report;
            try
            {
                report = RunReportMerger.Merge(shards);
            }
            catch (ArgumentException exception)
            {
                throw new UsageException(exception.Message);
            }

            directory ??= files[0].DirectoryName!;
            await ReportFiles.WriteAllAsync(report, directory, null, cancellationToken).ConfigureAwait(false);
            if (files.Length > 1)
            {
                await output.WriteLineAsync($"Fusion : {RunReportMerger.Describe(report)}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Rapport : {Path.Combine(directory, "report.html")}").ConfigureAwait(false);
            return ReportExitCodes.ForOutcome(report.Outcome);
        });
        return command;
    }
}

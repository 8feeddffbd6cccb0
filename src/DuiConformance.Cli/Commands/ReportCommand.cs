using System.CommandLine;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Commands;

/// <summary><c>dui-conformance report &lt;report.json&gt;</c>: re-render the report files from a report.json.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var input = new Argument<FileInfo>("report.json") { Description = "Le report.json à relire." };
        var outOption = new Option<string?>("--out") { Description = "Dossier de sortie (défaut : celui du report.json)." };
        var command = new Command("report", "Régénère report.html, junit.xml et summary.md à partir d'un report.json.") { input, outOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                throw new UsageException($"fichier introuvable : {file.FullName}");
            }

            var report = RunReportJson.Read(file.FullName);
            var directory = parse.GetValue(outOption) ?? file.DirectoryName!;
            await ReportFiles.WriteAllAsync(report, directory, null, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Rapport : {Path.Combine(directory, "report.html")}").ConfigureAwait(false);
            return ReportExitCodes.ForOutcome(report.Outcome);
        });
        return command;
    }
}

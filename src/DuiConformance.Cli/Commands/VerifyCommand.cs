using System.CommandLine;
using System.Globalization;
using System.Text;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Proof;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Cli.Commands;

/// <summary>
/// <c>dui-conformance verify &lt;bundle|folder|project.csv&gt;</c>: verifies SONS installation proof bundles for a
/// GRADeS (DESIGN.md §3; domain.md §6, §8.7 FIN-01) and writes a CSV and a French HTML summary. Exit 0 when every
/// bundle is accepted, 1 when any is rejected or an expected ESSMS has none, 2 on usage errors, 3 on harness errors.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var input = new Argument<string>("lot|dossier|projet.csv") { Description = "Un lot proof.zip, un dossier de lots, ou le CSV du projet (colonnes finess et, facultative, bundle)." };
        var trustOption = new Option<string?>("--trust") { Description = "Dossier des certificats PEM des éditeurs de confiance." };
        var expectedOption = new Option<string?>("--expected") { Description = "CSV des ESSMS attendus (colonne finess)." };
        var csvOption = new Option<string?>("--csv") { Description = "Écrit le résultat en CSV (séparateur ;)." };
        var htmlOption = new Option<string?>("--html") { Description = "Écrit une synthèse HTML en français." };
        var campaignOption = new Option<string>("--campaign") { Description = "Jeu de règles dont la règle <campagne>-SONS-INSTALLATION-PROOF donne les exigences.", DefaultValueFactory = _ => "2025" };
        var fromOption = new Option<string?>("--from") { Description = "Premier jour de la fenêtre de campagne (AAAA-MM-JJ, UTC)." };
        var toOption = new Option<string?>("--to") { Description = "Dernier jour de la fenêtre de campagne (AAAA-MM-JJ, UTC)." };
        var toolOption = new Option<string[]>("--accept-tool-version") { Description = "Version de l'outil acceptée (répétable ; défaut : celle-ci)." };
        var catalogueOption = new Option<string[]>("--accept-catalogue-version") { Description = "Version du catalogue acceptée (répétable ; défaut : celle du dépôt pour la campagne)." };
        var command = new Command("verify", "Vérifie des preuves d'installation SONS : signature, empreintes, FINESS, dates, exigences, réutilisation entre ESSMS.")
        {
            input, trustOption, expectedOption, csvOption, htmlOption, campaignOption, fromOption, toOption, toolOption, catalogueOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var campaign = parse.GetValue(campaignOption)!;
            var (bundles, project, declared) = Locate(parse.GetValue(input)!);
            var expected = project?.Finess;
            if (parse.GetValue(expectedOption) is { } expectedPath)
            {
                expected = Load(() => ProofProject.Load(RequireFile(expectedPath))).Finess;
            }

            if (bundles.Count == 0 && expected is null)
            {
                throw new UsageException($"aucun lot .zip trouvé dans {Path.GetFullPath(parse.GetValue(input)!)}");
            }

            var ruleSet = LoadRuleSet(campaign);
            var rule = ruleSet.Rules.FirstOrDefault(candidate => candidate.Id == campaign + "-SONS-INSTALLATION-PROOF")
                ?? throw new UsageException($"la campagne {campaign} n'a pas de règle {campaign}-SONS-INSTALLATION-PROOF (profiles/eligibility/{campaign}.yaml).");
            var options = new ProofVerificationOptions
            {
                TrustStore = parse.GetValue(trustOption) is { } trust ? Load(() => ProofTrustStore.LoadFolder(trust)) : ProofTrustStore.Empty,
                ExpectedFiness = expected,
                WindowStart = Date(parse.GetValue(fromOption), "--from") ?? ParameterDate(ruleSet, "sons-proof-window-opens"),
                WindowEnd = Date(parse.GetValue(toOption), "--to") ?? ParameterDate(ruleSet, "sons-proof-window-closes"),
                RequiredRequirements = rule.Requires,
                AcceptedToolVersions = Accepted(parse.GetValue(toolOption), ConformanceRun.Tool.Version),
                AcceptedCatalogueVersions = Accepted(parse.GetValue(catalogueOption), CatalogueVersion.ForCampaign(campaign)),
            };

            var result = ProofBatchVerifier.Verify(bundles, options, declared, cancellationToken);
            foreach (var verdict in result.Verdicts.Where(verdict => !verdict.Accepted))
            {
                await output.WriteLineAsync($"✗ {verdict.Finess ?? "?"} {verdict.Source}").ConfigureAwait(false);
                foreach (var rejection in verdict.Rejections)
                {
                    await output.WriteLineAsync("    " + rejection).ConfigureAwait(false);
                }
            }

            if (parse.GetValue(csvOption) is { } csvPath)
            {
                // Note: with a BOM, so spreadsheet software reads the accents right.
                using var csv = new StringWriter(CultureInfo.InvariantCulture);
                ProofCsvWriter.Write(csv, result.Verdicts);
                await WriteAsync(csvPath, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(htmlOption) is { } htmlPath)
            {
                var page = ProofHtmlWriter.Render(result, parse.GetValue(input)!, TimeProvider.System.GetUtcNow());
                await WriteAsync(htmlPath, page, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(result.AllAccepted ? "ACCEPTÉ" : "REFUSÉ")} : {result.AcceptedCount} lot(s) accepté(s), {result.RejectedCount} refusé(s) ou manquant(s), en {result.Elapsed.TotalSeconds:0.0} s.")).ConfigureAwait(false);
            return result.AllAccepted ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return command;
    }

    private static (IReadOnlyList<string> Bundles, ProofProject? Project, IReadOnlyDictionary<string, string>? Declared) Locate(string input)
    {
        if (Directory.Exists(input))
        {
            // Note: a run folder holds evidence zips too (IHE_XDM.ZIP attachments under evidence/objects/): not bundles.
            var evidence = Path.DirectorySeparatorChar + "evidence" + Path.DirectorySeparatorChar;
            return ([.. Directory.EnumerateFiles(input, "*.zip", SearchOption.AllDirectories)
                .Where(path => !path.Contains(evidence, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)], null, null);
        }

        RequireFile(input);
        if (!input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ([Path.GetFullPath(input)], null, null);
        }

        var project = Load(() => ProofProject.Load(input));
        var folder = Path.GetDirectoryName(Path.GetFullPath(input))!;
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var essms in project.Essms)
        {
            var path = essms.Bundle ?? new[] { Path.Combine(folder, essms.Finess + ".zip"), Path.Combine(folder, essms.Finess, "proof.zip") }.FirstOrDefault(File.Exists);
            if (path is not null && File.Exists(path))
            {
                declared.TryAdd(path, essms.Finess);
            }
        }

        return ([.. declared.Keys], project, declared);
    }

    private static async Task WriteAsync(string path, string content, Encoding encoding, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, content, encoding, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"impossible d'écrire {Path.GetFullPath(path)} : {exception.Message}");
        }
    }

    private static EligibilityRuleSet LoadRuleSet(string campaign)
    {
        var path = EligibilityRuleSet.DefaultPath(campaign);
        if (!File.Exists(path))
        {
            throw new UsageException($"campagne inconnue '{campaign}' (profiles/eligibility/{campaign}.yaml absent).");
        }

        return EligibilityRuleSet.Load(path, RequirementCatalogue.LoadDefault());
    }

    private static IReadOnlySet<string> Accepted(string[]? given, string current) =>
        given is { Length: > 0 } ? given.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { current };

    private static DateOnly? ParameterDate(EligibilityRuleSet ruleSet, string id) =>
        ruleSet.TryGetParameter(id, out var parameter) ? parameter.AsDate() : null;

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} : date « {text} » au format AAAA-MM-JJ attendue.");
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new UsageException($"fichier ou dossier introuvable : {Path.GetFullPath(path)}");

    private static T Load<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (InvalidDataException exception)
        {
            throw new UsageException(exception.Message);
        }
    }
}

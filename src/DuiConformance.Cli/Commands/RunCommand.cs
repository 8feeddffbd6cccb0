using System.CommandLine;
using DuiConformance.Cli.Running;

namespace DuiConformance.Cli.Commands;

/// <summary><c>dui-conformance run</c>: run the suite and write the report.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var outOption = new Option<string?>("--out") { Description = "Dossier de sortie (défaut : out/<horodatage>/, copié dans out/latest/)." };
        var sutOption = new Option<string>("--sut") { Description = "Préréglage du système testé (profiles/suts/).", DefaultValueFactory = _ => "reference-dui" };
        var driverOption = new Option<string>("--driver") { Description = "Pilote : playwright, http-hooks (points d'accroche de test, profiles/hooks/openapi.yaml) ou manual (une personne suit les consignes en français dans le terminal).", DefaultValueFactory = _ => "playwright" };
        driverOption.AcceptOnlyFromAmong([.. SutLauncher.Drivers]);
        var sutUrlOption = new Option<string?>("--sut-url") { Description = "Adresse d'un DUI externe (préréglage « external: true »)." };
        var defectOption = new Option<string[]>("--sut-defect") { Description = "Défaut à activer dans le DUI de référence (répétable).", AllowMultipleArgumentsPerToken = false };
        var scenarioOption = new Option<string[]>("--scenario") { Description = "Scénario à exécuter (répétable ; défaut : tous)." };
        var campaignOption = new Option<string>("--campaign") { Description = "Jeu de règles d'éligibilité (profiles/eligibility/).", DefaultValueFactory = _ => "2025" };
        var languageOption = new Option<string>("--lang") { Description = "Langue du rapport : fr ou en.", DefaultValueFactory = _ => "fr" };
        languageOption.AcceptOnlyFromAmong("fr", "en");
        var proofOption = new Option<bool>("--proof") { Description = "Écrit aussi proof.zip, la preuve d'installation SONS, à côté du rapport (exige --finess)." };
        var finessOption = new Option<string?>("--finess") { Description = "FINESS géographique de l'ESSMS de la preuve d'installation." };
        var signCertOption = new Option<string?>("--sign-cert") { Description = "Certificat PEM de l'éditeur qui signe la preuve (sans lui, lot non signé)." };
        var signKeyOption = new Option<string?>("--sign-key") { Description = "Clé privée PEM du certificat de signature." };
        var segurIdOption = new Option<string?>("--segur-id") { Description = "Identifiant de référencement Ségur de la version du DUI." };
        var organisationOption = new Option<string?>("--organisation") { Description = "Fichier des ESSMS du projet (YAML ou CSV : FINESS, catégorie, région, bon SONS, choix de DUI) pour l'estimation des financements." };

        var parallelOption = new Option<int>("--parallel") { Description = "Nombre de voies en parallèle (chacune : simulateurs, DUI et navigateur propres).", DefaultValueFactory = _ => 1 };
        parallelOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 16)
            {
                result.AddError("--parallel attend un nombre entre 1 et 16.");
            }
        });
        var shardOption = new Option<string?>("--shard") { Description = "Ne joue que le fragment k/n de la suite (partition déterministe des identifiants de scénario)." };
        var quietOption = new Option<bool>("--quiet") { Description = "N'affiche que le bilan final et les erreurs (journaux de CI)." };
        var insModeOption = new Option<string>("--ins-mode") { Description = "OID INS attendus : production (1.2.250.1.213.1.4.8/.9, défaut) ou test (l'INSi simulé répond avec .10/.11).", DefaultValueFactory = _ => "production" };
        insModeOption.AcceptOnlyFromAmong("production", "test");
        var fhirPackageOption = new Option<string[]>("--fhir-package")
        {
            Description = "Paquet FHIR officiel (package.tgz ou dossier), répétable : la validation de profils ITI-65 l'utilise aussi ; le rapport le nomme.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var realClockOption = new Option<bool>("--real-clock") { Description = "Attentes en temps réel (par défaut, horloge virtuelle qui saute les délais une fois le système au repos)." };
        var command = new Command("run", "Exécute la suite contre le DUI (par défaut le DUI de référence intégré) et écrit le rapport.")
        {
            outOption, sutOption, driverOption, defectOption, scenarioOption, campaignOption, languageOption,
            organisationOption, proofOption, finessOption, signCertOption, signKeyOption, segurIdOption,
        };
        command.Options.Add(sutUrlOption);
        command.Options.Add(parallelOption);
        command.Options.Add(shardOption);
        command.Options.Add(quietOption);
        command.Options.Add(realClockOption);
        command.Options.Add(insModeOption);
        command.Options.Add(fhirPackageOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new RunOptions
            {
                OutputDirectory = parse.GetValue(outOption),
                Sut = parse.GetValue(sutOption)!,
                Driver = parse.GetValue(driverOption)!,
                Defects = parse.GetValue(defectOption) ?? [],
                Scenarios = parse.GetValue(scenarioOption) ?? [],
                Campaign = parse.GetValue(campaignOption)!,
                Language = parse.GetValue(languageOption)!,
                Proof = parse.GetValue(proofOption),
                Finess = parse.GetValue(finessOption),
                SignCertificatePath = parse.GetValue(signCertOption),
                SignKeyPath = parse.GetValue(signKeyOption),
                SegurId = parse.GetValue(segurIdOption),
                Organisation = parse.GetValue(organisationOption),
                SutUrl = parse.GetValue(sutUrlOption),
                Parallel = parse.GetValue(parallelOption),
                Shard = parse.GetValue(shardOption) is { } shard ? ShardSpec.Parse(shard) : null,
                Quiet = parse.GetValue(quietOption),
                VirtualClock = !parse.GetValue(realClockOption),
                InsMode = parse.GetValue(insModeOption) == "test" ? Core.Fhir.Profiles.InsMode.Test : Core.Fhir.Profiles.InsMode.Production,
                FhirPackages = parse.GetValue(fhirPackageOption) ?? [],
            };
            var result = await ConformanceRun.RunAsync(options, output, cancellationToken).ConfigureAwait(false);
            return result.ExitCode;
        });
        return command;
    }
}

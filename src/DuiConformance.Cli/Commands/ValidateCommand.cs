using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation;

namespace DuiConformance.Cli.Commands;

/// <summary>
/// <c>dui-conformance validate &lt;file&gt;...</c>: offline verdict on CDA documents, IHE XDM zips, .eml messages
/// (built-in CI-SIS rules, optional XSD, optional CI-SIS schematrons run in-process) and FHIR resources in JSON or XML
/// (profile checker with profiles/fhir, plus official packages given with <c>--fhir-package</c>). Exit codes as <c>run</c>:
/// 0 no error finding, 1 at least one error finding, 2 usage, 3 harness (unusable schematron or schema folder).
/// </summary>
public static class ValidateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("fichiers") { Arity = ArgumentArity.OneOrMore, Description = "Documents CDA (.xml), ressources FHIR (.json, .xml), archives XDM (.zip) ou messages (.eml)." };
        var format = new Option<string>("--format") { Description = "Format de sortie : text, json ou junit.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit");
        var schematron = new Option<string?>("--schematron") { Description = "Dossier des schematrons CI-SIS officiels (ou un fichier .sch) à exécuter." };
        var xsd = new Option<string?>("--xsd") { Description = "Dossier contenant le schéma CDA R2 (CDA_extended.xsd ou CDA.xsd)." };
        var fhirPackage = new Option<string[]>("--fhir-package")
        {
            Description = "Paquet FHIR officiel (package.tgz ou dossier du cache ~/.fhir/packages/<id>#<version>), répétable : chargé avec les profils de profiles/fhir.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var insMode = new Option<string>("--ins-mode") { Description = "OID INS admis dans les Patient FHIR : production (1.2.250.1.213.1.4.8/.9, défaut ; .10/.11 sont des erreurs) ou test (tous admis).", DefaultValueFactory = _ => "production" };
        insMode.AcceptOnlyFromAmong("production", "test");
        var command = new Command("validate", "Valide hors ligne des documents CDA, ressources FHIR, archives XDM et messages MSSanté (.eml).") { files, format, schematron, xsd, fhirPackage, insMode };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException($"fichier introuvable : {string.Join(", ", missing)}");
            }

            var packages = parse.GetValue(fhirPackage) ?? [];
            var absent = packages.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (absent.Count > 0)
            {
                throw new UsageException($"paquet FHIR introuvable : {string.Join(", ", absent)}");
            }

            var mode = parse.GetValue(insMode) == "test" ? Core.Fhir.Profiles.InsMode.Test : Core.Fhir.Profiles.InsMode.Production;
            var validator = new DocumentValidator(new ValidationOptions(parse.GetValue(schematron), parse.GetValue(xsd), packages, mode));
            var results = paths.Select(validator.ValidateFile).ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    WriteJson(output, results);
                    break;
                case "junit":
                    WriteJUnit(output, results);
                    break;
                default:
                    WriteText(output, results);
                    break;
            }

            return results.All(r => r.Passed) ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return command;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<ValidatedFile> results)
    {
        foreach (var file in results)
        {
            var errors = file.Findings.Count(f => f.Severity == Severity.Error);
            var warnings = file.Findings.Count(f => f.Severity == Severity.Warning);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(file.Passed ? "CONFORME" : "NON CONFORME")}  {file.Path} ({file.Kind}) : {errors} erreur(s), {warnings} avertissement(s)"));
            foreach (var document in file.Documents)
            {
                output.WriteLine($"  document : {document}");
            }

            foreach (var schema in file.Schematrons)
            {
                output.WriteLine($"  schematron : {schema}");
            }

            foreach (var finding in file.Findings)
            {
                output.WriteLine($"  {Label(finding.Severity)} {finding.Code} [{string.Join(",", finding.Requirements)}] {finding.Location} : {finding.Message}");
            }
        }

        var failed = results.Count(r => !r.Passed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Count - failed} fichier(s) conforme(s), {failed} non conforme(s)."));
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<ValidatedFile> results)
    {
        var payload = results.Select(file => new
        {
            path = file.Path,
            kind = file.Kind,
            passed = file.Passed,
            documents = file.Documents,
            schematrons = file.Schematrons,
            findings = file.Findings.Select(f => new
            {
                code = f.Code,
                severity = f.Severity.ToString().ToLowerInvariant(),
                requirements = f.Requirements,
                message = f.Message,
                location = new { evidence = f.Location.EvidenceId, entry = f.Location.Entry, path = f.Location.Path, line = f.Location.Line, column = f.Location.Column },
            }),
        });
        output.WriteLine(JsonSerializer.Serialize(payload, Json));
    }

    private static void WriteJUnit(TextWriter output, IReadOnlyList<ValidatedFile> results)
    {
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "dui-conformance validate"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => !r.Passed)),
            new XAttribute("errors", 0),
            results.Select(file =>
            {
                var testcase = new XElement("testcase", new XAttribute("classname", "validate." + file.Kind), new XAttribute("name", file.Path));
                var lines = string.Join("\n", file.Findings.Select(f => $"{Label(f.Severity)} {f.Code} {f.Location} : {f.Message}"));
                if (!file.Passed)
                {
                    var errors = file.Findings.Count(f => f.Severity == Severity.Error);
                    testcase.Add(new XElement("failure", new XAttribute("message", string.Create(CultureInfo.InvariantCulture, $"{errors} erreur(s)")), lines));
                }
                else if (lines.Length > 0)
                {
                    testcase.Add(new XElement("system-out", lines));
                }

                return testcase;
            }));
        output.WriteLine(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString());
    }

    private static string Label(Severity severity) => severity switch
    {
        Severity.Error => "ERREUR",
        Severity.Warning => "AVERT.",
        Severity.Info => "INFO  ",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Severity value not handled"),
    };
}

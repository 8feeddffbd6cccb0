using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Validation;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>
/// Differential check against Saxon-HE (Debian libsaxonhe-java): on every CI-SIS example of the snapshot, the
/// schematron picked for it, and each of the three profile schematrons (IHE, ANS models, CI-SIS content models), gives the same failed asserts and successful reports under our engine and under Saxon
/// running <see cref="SchematronXslt"/>'s translation. Inconclusive without shared/reference or Saxon.
/// </summary>
[TestFixture]
[Category("Reference")]
[Category("Slow")]
public sealed partial class SaxonDifferentialTests
{
    private const string SaxonJar = "/usr/share/java/Saxon-HE.jar";
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";

    [Test]
    public void Our_engine_and_saxon_agree_on_every_example_of_the_snapshot()
    {
        var snapshot = ReferencePaths.CiSisSnapshot;
        if (!File.Exists(SaxonJar))
        {
            Assert.Inconclusive("Saxon-HE absent (apt-get install -y libsaxonhe-java).");
        }

        var catalogue = SchematronCatalogue.Open(Path.Combine(snapshot, "schematrons"));
        var work = Directory.CreateTempSubdirectory("dui-saxon-diff-");
        var disagreements = new List<string>();
        int documents = 0, results = 0;
        try
        {
            foreach (var example in Directory.GetFiles(Path.Combine(snapshot, "ExemplesCDA"), "*.xml").Order(StringComparer.Ordinal))
            {
                var xml = SafeXml.TryLoad(File.ReadAllBytes(example), out _);
                if (xml?.Root is null || !CdaDocument.IsClinicalDocument(xml))
                {
                    continue;
                }

                var templateIds = xml.Root.Elements(XmlPaths.Hl7 + "templateId").Select(t => ((string?)t.Attribute("root") ?? string.Empty, (string?)t.Attribute("extension")));
                foreach (var schematron in catalogue.Select(templateIds))
                {
                    documents++;
                    var ours = catalogue.Compiled(schematron).Validate(xml).Results
                        .Select(r => $"{(r.Kind == SchematronResultKind.FailedAssert ? "failed-assert" : "successful-report")} {Normalize(r.Location)} [{OfficialSvrl.Normalize(r.Test)}]")
                        .Order(StringComparer.Ordinal).ToList();
                    var theirs = RunSaxon(work.FullName, schematron, example)
                        .Order(StringComparer.Ordinal).ToList();
                    results += theirs.Count;
                    var name = $"{Path.GetFileName(example)} × {Path.GetFileName(schematron)}";
                    disagreements.AddRange(theirs.Except(ours).Select(k => $"{name} : Saxon seulement {k}"));
                    disagreements.AddRange(ours.Except(theirs).Select(k => $"{name} : nous seulement {k}"));
                }
            }

            // The three profile schematrons (IHE, ANS models, CI-SIS content models: thousands of asserts, doc() value
            // sets) over every example, one Saxon run per schematron over the whole folder.
            // Note: our two broken DLUs are added so that failure paths are compared too, not only silent passes.
            var examples = Directory.GetFiles(Path.Combine(snapshot, "ExemplesCDA"), "*.xml").Order(StringComparer.Ordinal)
                .Append(FixturePaths.Of("validation", "dlu-no-realm.xml"))
                .Append(FixturePaths.Of("validation", "dlu-missing-section.xml"))
                .ToList();
            var input = Directory.CreateDirectory(Path.Combine(work.FullName, "in")).FullName;
            foreach (var example in examples)
            {
                File.Copy(example, Path.Combine(input, Path.GetFileName(example)));
            }

            foreach (var profile in Directory.GetFiles(Path.Combine(snapshot, "schematrons", "profils"), "*.sch").Order(StringComparer.Ordinal))
            {
                var schema = SchematronSchema.Load(profile);
                var saxon = RunSaxonFolder(work.FullName, profile, input);
                var fired = 0;
                foreach (var example in examples)
                {
                    var xml = SafeXml.TryLoad(File.ReadAllBytes(example), out _);
                    if (xml is null)
                    {
                        continue;
                    }

                    documents++;
                    var report = schema.Validate(xml);
                    fired += report.FiredRules;
                    var ours = report.Results
                        .Select(r => $"{(r.Kind == SchematronResultKind.FailedAssert ? "failed-assert" : "successful-report")} {Normalize(r.Location)} [{OfficialSvrl.Normalize(r.Test)}]")
                        .Order(StringComparer.Ordinal).ToList();
                    var theirs = saxon[Path.GetFileName(example)].Order(StringComparer.Ordinal).ToList();
                    results += theirs.Count;
                    var name = $"{Path.GetFileName(example)} × {Path.GetFileName(profile)}";
                    disagreements.AddRange(theirs.Except(ours).Select(k => $"{name} : Saxon seulement {k}"));
                    disagreements.AddRange(ours.Except(theirs).Select(k => $"{name} : nous seulement {k}"));
                }

                schema.MissingDocuments.ShouldBeEmpty($"{Path.GetFileName(profile)} : document() introuvable");
                TestContext.Out.WriteLine($"  {Path.GetFileName(profile)} (phase {schema.Phase}) : {schema.AssertionCount} assertions, {fired} règles déclenchées sur {examples.Count} exemples");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        TestContext.Out.WriteLine($"Différentiel Saxon : {documents} couples document × schematron, {results} résultats Saxon, {disagreements.Count} désaccords");
        disagreements.ForEach(d => TestContext.Out.WriteLine("  " + d));
        documents.ShouldBeGreaterThan(10);
        disagreements.ShouldBeEmpty();
    }

    private static IEnumerable<string> RunSaxon(string work, string schematron, string example)
    {
        var xslt = Path.Combine(work, Path.GetFileNameWithoutExtension(schematron) + ".xsl");
        if (!File.Exists(xslt))
        {
            SchematronXslt.Generate(schematron).Save(xslt);
        }

        var output = Path.Combine(work, "out.xml");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-cp", SaxonJar, "net.sf.saxon.Transform", "-xsl:" + xslt, "-s:" + example, "-o:" + output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).ShouldBeTrue("Saxon n'a pas fini en 2 minutes");
        process.ExitCode.ShouldBe(0, errors.Result);
        return XDocument.Load(output).Root!.Elements()
            .Where(e => e.Name == Svrl + "failed-assert" || e.Name == Svrl + "successful-report")
            .Select(e => $"{e.Name.LocalName} {Normalize((string?)e.Attribute("location") ?? string.Empty)} [{OfficialSvrl.Normalize((string?)e.Attribute("test") ?? string.Empty)}]")
            .ToList();
    }

    private static Dictionary<string, List<string>> RunSaxonFolder(string work, string schematron, string input)
    {
        var xslt = Path.Combine(work, Path.GetFileNameWithoutExtension(schematron) + ".xsl");
        SchematronXslt.Generate(schematron).Save(xslt);
        var output = Directory.CreateDirectory(Path.Combine(work, "out-" + Path.GetFileNameWithoutExtension(schematron))).FullName;
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-cp", SaxonJar, "net.sf.saxon.Transform", "-xsl:" + xslt, "-s:" + input, "-o:" + output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(300_000).ShouldBeTrue("Saxon n'a pas fini en 5 minutes");
        process.ExitCode.ShouldBe(0, errors.Result);
        return Directory.GetFiles(output).ToDictionary(
            file => Path.GetFileName(file),
            file => XDocument.Load(file).Root!.Elements()
                .Where(e => e.Name == Svrl + "failed-assert" || e.Name == Svrl + "successful-report")
                .Select(e => $"{e.Name.LocalName} {Normalize((string?)e.Attribute("location") ?? string.Empty)} [{OfficialSvrl.Normalize((string?)e.Attribute("test") ?? string.Empty)}]")
                .ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>Both location forms (ph-schematron's and XPath 3 path()) to <c>/Q{ns}name[n]</c>.</summary>
    private static string Normalize(string location) =>
        PhStep().Replace(location, m => $"Q{{{m.Groups[2].Value}}}{m.Groups[1].Value}[{m.Groups[3].Value}]");

    [GeneratedRegex(@"\*:([^\[/]+)\[namespace-uri\(\)='([^']*)'\]\[(\d+)\]")]
    private static partial Regex PhStep();
}

using System.Text;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Requirements;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>
/// Agreement of our in-process schematron engine with the official ANS CI run (ph-schematron SVRL, TestContenuCDA-3-0
/// main@cc536395) on the copied examples: same failed asserts and successful reports (location + test), same number of
/// fired rules. Figures are printed in the test output.
/// </summary>
[TestFixture]
[Category("Reference")]
public sealed class SchematronAgreementTests
{
    [Test]
    public void Our_engine_reproduces_every_official_svrl_result_on_the_paired_examples()
    {
        var snapshot = ReferencePaths.CiSisSnapshot;
        var reference = ReferencePaths.Root!;
        var csv = File.ReadAllText(Path.Combine(reference, "verdicts", "cda-testcontenucda-svrl-cc536395.csv"));
        var rows = CsvParser.Parse(csv);
        var svrlFolder = Path.Combine(reference, "ans-testcontenucda-3-0", "gh-pages-b88c7cc1", "rapport", "main");
        var schematrons = Path.Combine(snapshot, "schematrons");
        var cache = new Dictionary<string, SchematronSchema>(StringComparer.Ordinal);

        var output = new StringBuilder();
        int compared = 0, emptyOfficial = 0, officialResults = 0, matched = 0, extra = 0, firedEqual = 0;
        var disagreements = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            var example = row.Fields[0];
            var copied = row.Fields[^1];
            if (copied == "(not copied)")
            {
                continue;
            }

            var official = OfficialSvrl.Read(Path.Combine(svrlFolder, example + ".testC.phschematron.svrl"));
            if (official is null)
            {
                emptyOfficial++;
                output.AppendLine($"  {example}: rapport officiel vide, rien à comparer");
                continue;
            }

            var cacheKey = official.SchemaVersion + "#" + official.Phase;
            if (!cache.TryGetValue(cacheKey, out var schema))
            {
                schema = SchematronSchema.Load(FindSchematron(schematrons, official.SchemaVersion), official.Phase);
                cache[cacheKey] = schema;
            }

            var document = SafeXml.TryLoad(File.ReadAllBytes(Path.Combine(reference, "ans-testcontenucda-3-0", copied)), out var error)
                ?? throw new AssertionException($"{example}: {error}");
            var ours = schema.Validate(document);
            compared++;

            var ourKeys = ours.Results.Select(r => Key(r.Kind == SchematronResultKind.FailedAssert ? "failed-assert" : "successful-report", r.Location, r.Test)).ToList();
            var officialKeys = official.Results.Select(r => Key(r.Kind, r.Location, r.Test)).ToList();
            officialResults += officialKeys.Count;
            foreach (var key in officialKeys)
            {
                if (ourKeys.Remove(key))
                {
                    matched++;
                }
                else
                {
                    disagreements.Add($"{example}: officiel seulement {key}");
                }
            }

            extra += ourKeys.Count;
            disagreements.AddRange(ourKeys.Select(k => $"{example}: nous seulement {k}"));
            disagreements.AddRange(ours.EvaluationErrors.Select(e => $"{example}: erreur d'évaluation {e}"));
            if (ours.FiredRules == official.FiredRules)
            {
                firedEqual++;
            }
            else
            {
                disagreements.Add($"{example}: fired-rule {ours.FiredRules} (nous) contre {official.FiredRules} (officiel)");
            }

            output.AppendLine($"  {example}: phase {schema.Phase}, {ours.Results.Count} résultats (officiel {official.Results.Count}), fired-rule {ours.FiredRules}/{official.FiredRules}");
        }

        TestContext.Out.WriteLine($"Accord schematron CI-SIS : {compared} exemples comparés, {emptyOfficial} rapports officiels vides");
        TestContext.Out.WriteLine($"  résultats officiels retrouvés : {matched}/{officialResults}; résultats en trop : {extra}; fired-rule égaux : {firedEqual}/{compared}");
        TestContext.Out.Write(output.ToString());
        foreach (var disagreement in disagreements)
        {
            TestContext.Out.WriteLine("  DÉSACCORD " + disagreement);
        }

        foreach (var schema in cache.Values)
        {
            disagreements.AddRange(schema.MissingDocuments.Select(d => $"{Path.GetFileName(schema.Path)}: document() introuvable {d}"));
        }

        compared.ShouldBeGreaterThan(10);
        disagreements.ShouldBeEmpty();
    }

    private static string Key(string kind, string location, string test) => $"{kind} {location} [{OfficialSvrl.Normalize(test)}]";

    /// <summary>The .sch whose schema element declares <paramref name="schemaVersion"/> (the SVRL names it so).</summary>
    internal static string FindSchematron(string folder, string schemaVersion)
    {
        var marker = $"schemaVersion=\"{schemaVersion}\"";
        return Directory.GetFiles(folder, "*.sch").Order(StringComparer.Ordinal)
            .FirstOrDefault(f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal))
            ?? throw new AssertionException($"Aucun schematron ne déclare schemaVersion {schemaVersion}");
    }
}

using System.Text;
using System.Xml.Linq;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Requirements;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>
/// Overall verdicts against third-party tools: the official ANS Gazelle EVS reports (2023-05-29, ART-DECOR + IHE +
/// CI-SIS schematrons, only partly public) and the NIST ETT XDM samples. Figures and each disagreement are printed.
/// </summary>
[TestFixture]
[Category("Reference")]
public sealed class ReferenceVerdictAgreementTests
{
    private static readonly XNamespace Gvr = "http://validationreport.gazelle.ihe.net/";

    [Test]
    public void Nist_xdm_samples_twelve_valid_packages_pass_and_bad_xhtml_fails()
    {
        var folder = ReferencePaths.Require("nist-ett", "master-629cf56e", "webapp", "src", "main", "resources", "cda-samples");
        var validator = new DocumentValidator(new ValidationOptions());
        var zips = Directory.GetFiles(folder).Where(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var agreed = 0;
        var lines = new StringBuilder();
        foreach (var zip in zips)
        {
            var result = validator.ValidateFile(zip);
            var xdmErrors = result.Findings.Where(f => f.Code.StartsWith("XDM-", StringComparison.Ordinal) && f.Severity == Severity.Error).ToList();
            var expectedValid = !Path.GetFileName(zip).Equals("BadXHTML.zip", StringComparison.Ordinal);
            var ourValid = xdmErrors.Count == 0;
            agreed += ourValid == expectedValid ? 1 : 0;
            lines.AppendLine($"  {Path.GetFileName(zip)}: NIST {(expectedValid ? "valide" : "invalide")}, nous {(ourValid ? "valide" : "invalide")}{(xdmErrors.Count > 0 ? " — " + string.Join(" ; ", xdmErrors.Select(f => f.Code + " " + f.Message)) : string.Empty)}");
        }

        TestContext.Out.WriteLine($"Accord XDM NIST ETT : {agreed}/{zips.Count}");
        TestContext.Out.Write(lines.ToString());
        zips.Count.ShouldBe(13);
        agreed.ShouldBe(zips.Count);
    }

    [Test]
    public void Gazelle_overall_verdicts_agreement_is_reported_with_each_disagreement_explained()
    {
        var reference = ReferencePaths.Root ?? ReferencePaths.Require("verdicts");
        var schematrons = Path.Combine(ReferencePaths.CiSisSnapshot, "schematrons");
        var rows = CsvParser.Parse(File.ReadAllText(Path.Combine(reference, "verdicts", "cda-gazelle-evs-2023-05-29.csv")));
        var reports = Path.Combine(reference, "ans-testcontenucda-3-0", "gh-pages-b88c7cc1", "rapport");
        var xsd = Path.Combine(ReferencePaths.CiSisSnapshot, "infrastructure", "cda");
        var validator = new DocumentValidator(new ValidationOptions(schematrons, xsd));
        int compared = 0, agreed = 0, bothFailed = 0, bothPassed = 0;
        var lines = new StringBuilder();
        foreach (var row in rows.Skip(1).Select(r => r.Fields).Where(f => f.Count >= 8 && f[1] == "cda" && f[^1] != "(not copied)"))
        {
            var gazellePassed = row[3] == "PASSED";
            if (!gazellePassed && row[3] != "FAILED")
            {
                continue;
            }

            var result = validator.ValidateFile(Path.Combine(reference, "ans-testcontenucda-3-0", row[^1]));
            compared++;
            if (result.Passed == gazellePassed)
            {
                agreed++;
                bothPassed += gazellePassed ? 1 : 0;
                bothFailed += gazellePassed ? 0 : 1;
                continue;
            }

            var ours = string.Join(" | ", result.Findings.Where(f => f.Severity == Severity.Error).Take(2).Select(f => $"{f.Code} {f.Message}"));
            var theirs = string.Join(" | ", GazelleErrors(Path.Combine(reports, row[0] + ".cdaReports.xml")).Take(2));
            lines.AppendLine(gazellePassed
                ? $"  DÉSACCORD {row[0]} : Gazelle PASSED, nous FAILED — {ours}"
                : $"  DÉSACCORD {row[0]} : Gazelle FAILED ({row[5]} erreurs, validateur {row[2]}), nous PASSED — Gazelle : {theirs}");
        }

        TestContext.Out.WriteLine($"Accord verdicts Gazelle EVS 2023-05-29 : {agreed}/{compared} (FAILED des deux côtés : {bothFailed}, PASSED des deux côtés : {bothPassed})");
        TestContext.Out.Write(lines.ToString());
        compared.ShouldBeGreaterThan(20);
        // Note: a regression floor at the agreement measured when this test was written (17/24 with XSD and schematrons).
        // The 7 disagreements, as printed: 3 level 1 documents that Gazelle ran through the TLM-CR validator (its
        // Entete_TLM-CR rules, not a level 1 rule); 2 ART-DECOR template rules not public (LDL-SES GEN-066/068,
        // PPS-PAERPA value set 1.2.250.1.213.1.1.5.136); 1 XSD error of Gazelle's own CDA schema (priorityNumber in ED,
        // accepted by the ANS CDA_extended.xsd); 1 OBP-SAP 2022.01 judged by us with the only schematron published
        // now, OBP-SAP 2024.01, whose header codes changed.
        agreed.ShouldBeGreaterThanOrEqualTo(MeasuredAgreementFloor);
    }

    private const int MeasuredAgreementFloor = 17;

    private static IEnumerable<string> GazelleErrors(string report)
    {
        if (!File.Exists(report))
        {
            return ["(rapport absent)"];
        }

        return XDocument.Load(report).Descendants(Gvr + "constraint")
            .Where(c => (string?)c.Attribute("severity") == "ERROR" && (string?)c.Attribute("testResult") == "FAILED")
            .Select(c => OfficialSvrl.Normalize(c.Element(Gvr + "constraintDescription")?.Value ?? string.Empty));
    }
}

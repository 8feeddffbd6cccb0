using System.Text;
using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>Checks across the bundles of a project: evidence reuse, duplicate FINESS, missing ESSMS, and the outputs.</summary>
public sealed class ProofBatchVerifierTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateFolder()
    {
        _directory = Path.Combine(Path.GetTempPath(), "proof-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Distinct_bundles_of_the_expected_essms_are_all_accepted()
    {
        var first = await BundleAsync("a", ProofRun.Finess);
        var second = await BundleAsync("b", ProofRun.OtherFiness);

        var result = ProofBatchVerifier.Verify([first, second], ProofRun.Options(new HashSet<string> { ProofRun.Finess, ProofRun.OtherFiness }));

        result.Verdicts.Count.ShouldBe(2);
        result.AllAccepted.ShouldBeTrue();
        result.Verdicts.ShouldAllBe(verdict => verdict.EvidenceHashes.Count == 0);
    }

    [Test]
    public async Task The_same_evidence_under_two_finess_rejects_both_bundles()
    {
        var run = await ProofRun.CreateAsync(Path.Combine(_directory, "shared"), "same-run");
        var first = (await ProofRun.BundleAsync(run, Path.Combine(_directory, "one.zip"), ProofRun.Finess)).Path;
        var second = (await ProofRun.BundleAsync(run, Path.Combine(_directory, "two.zip"), ProofRun.OtherFiness)).Path;

        var result = ProofBatchVerifier.Verify([first, second], ProofRun.Options());

        result.RejectedCount.ShouldBe(2);
        result.Verdicts.ShouldAllBe(verdict => verdict.Rejections.All(rejection => rejection.Code == "PROOF-7016"));
        result.Verdicts[0].Rejections.ShouldAllBe(rejection => rejection.Detail.Contains(ProofRun.OtherFiness));
        result.Verdicts[1].Rejections.ShouldAllBe(rejection => rejection.Detail.Contains(ProofRun.Finess));
    }

    [Test]
    public async Task A_bundle_the_project_assigns_to_another_essms_is_unexpected()
    {
        var bundle = await BundleAsync("a", ProofRun.Finess);

        var result = ProofBatchVerifier.Verify([bundle], ProofRun.Options(), new Dictionary<string, string> { [bundle] = ProofRun.OtherFiness });

        var rejection = result.Verdicts.Single().Rejections.Single();
        rejection.Code.ShouldBe("PROOF-7012");
        rejection.Detail.ShouldContain($"attribue ce lot au FINESS {ProofRun.OtherFiness}");
    }

    [Test]
    public async Task Two_bundles_for_one_finess_are_both_rejected_as_duplicates()
    {
        var first = await BundleAsync("a", ProofRun.Finess);
        var second = await BundleAsync("b", ProofRun.Finess);

        var result = ProofBatchVerifier.Verify([first, second], ProofRun.Options());

        result.Verdicts.ShouldAllBe(verdict => verdict.Rejections.Single().Code == "PROOF-7020");
    }

    [Test]
    public async Task An_expected_essms_without_a_bundle_gets_a_rejected_line()
    {
        var only = await BundleAsync("a", ProofRun.Finess);

        var result = ProofBatchVerifier.Verify([only], ProofRun.Options(new HashSet<string> { ProofRun.Finess, ProofRun.OtherFiness }));

        result.Verdicts.Count.ShouldBe(2);
        result.Verdicts[0].Accepted.ShouldBeTrue();
        result.Verdicts[1].Finess.ShouldBe(ProofRun.OtherFiness);
        result.Verdicts[1].Rejections.Single().Code.ShouldBe("PROOF-7019");
        result.AllAccepted.ShouldBeFalse();
    }

    [Test]
    public async Task Csv_has_one_line_per_verdict_with_codes_and_html_summarises_in_french()
    {
        var good = await BundleAsync("a", ProofRun.Finess);
        var result = ProofBatchVerifier.Verify([good], ProofRun.Options(new HashSet<string> { ProofRun.Finess, ProofRun.OtherFiness }));

        using var csv = new StringWriter();
        ProofCsvWriter.Write(csv, result.Verdicts);
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldBe("finess;statut;codes;motifs;lot;dui;signataire;signe_le;version_outil;version_catalogue");
        lines[1].ShouldStartWith(ProofRun.Finess + ";accepté;;;");
        lines[2].ShouldStartWith(ProofRun.OtherFiness + ";refusé;PROOF-7019;");

        var html = ProofHtmlWriter.Render(result, "projet.csv", ProofRun.BundledAt);
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("1 lot(s) refusé(s) ou manquant(s), 1 accepté(s)");
        html.ShouldContain("Aucun lot de preuve pour un ESSMS attendu");
    }

    [Test]
    public void Csv_fields_that_spreadsheets_would_run_are_neutralised()
    {
        var verdict = new ProofBundleVerdict { Source = "=cmd|' /C calc'!A0", Finess = "x;y", Rejections = [] };
        using var csv = new StringWriter();

        ProofCsvWriter.Write(csv, [verdict]);

        csv.ToString().Split('\n')[1].ShouldBe("\"x;y\";accepté;;;'=cmd|' /C calc'!A0;;;;;");
    }

    [Test]
    public void A_project_csv_gives_the_expected_finess_and_bundle_paths()
    {
        var path = Path.Combine(_directory, "projet.csv");
        File.WriteAllText(path, "nom;FINESS;bundle\n\"EHPAD Les Tilleuls; site 2\";690999990;lots/a.zip\nSSIAD;750712184;\n", Encoding.UTF8);

        var project = ProofProject.Load(path);

        project.Finess.ShouldBe(new HashSet<string> { "690999990", "750712184" }, ignoreOrder: true);
        project.Essms[0].Bundle.ShouldBe(Path.Combine(_directory, "lots", "a.zip"));
        project.Essms[1].Bundle.ShouldBeNull();
    }

    [TestCase("nom;siret\nA;1\n", "pas de colonne « finess »")]
    [TestCase("finess\n690999990\n690999991\n", "projet.csv:3 : la clé du numéro FINESS")]
    [TestCase("finess\n690999990\n690999990\n", "projet.csv:3 : le FINESS 690999990 figure déjà ligne 2")]
    public void A_wrong_project_csv_names_the_faulty_line(string content, string expected)
    {
        var path = Path.Combine(_directory, "projet.csv");
        File.WriteAllText(path, content, Encoding.UTF8);

        Should.Throw<InvalidDataException>(() => ProofProject.Load(path)).Message.ShouldContain(expected);
    }

    private async Task<string> BundleAsync(string name, string finess)
    {
        var run = await ProofRun.CreateAsync(Path.Combine(_directory, name), "essms-" + name);
        return (await ProofRun.BundleAsync(run, Path.Combine(_directory, name + ".zip"), finess)).Path;
    }
}

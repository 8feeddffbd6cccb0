using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Browser")]
[Description("Issue 7 §1–3: run --proof against the reference DUI, then verify the signed bundle, a tampered copy and a project CSV.")]
public sealed class ProofEndToEndTests
{
    private const string Finess = "690999990";
    private string _root = null!;
    private string _trust = null!;
    private string _bundle = null!;
    private int _runExit;
    private string _runOutput = null!;

    [OneTimeSetUp]
    public async Task Run_the_suite_once_with_a_signed_proof()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-proof-e2e-" + Guid.NewGuid().ToString("N"));
        _trust = Path.Combine(_root, "trust");
        Directory.CreateDirectory(_trust);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Editeur du DUI de reference, O=DuiConformance tests", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var certificatePath = Path.Combine(_trust, "editeur.pem");
        var keyPath = Path.Combine(_root, "editeur.key");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        var output = Path.Combine(_root, "run");
        (_runExit, _runOutput, _) = await CliAsync("run", "--out", output, "--proof", "--finess", Finess, "--sign-cert", certificatePath, "--sign-key", keyPath, "--segur-id", "SEGUR-DUI-TEST-01");
        _bundle = Path.Combine(output, "proof.zip");
    }

    [OneTimeTearDown]
    public void Delete_outputs()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Run_with_proof_writes_a_signed_proof_zip_beside_the_report()
    {
        _runExit.ShouldBe(ExitCodes.Passed, _runOutput);
        File.Exists(_bundle).ShouldBeTrue();
        _runOutput.ShouldContain("Preuve d'installation SONS");
        _runOutput.ShouldContain("signé par");
        using var zip = ZipFile.OpenRead(_bundle);
        zip.Entries.Select(entry => entry.FullName).ShouldContain("manifest.json.p7s");
        zip.Entries.Select(entry => entry.FullName).ShouldContain("report.json");
    }

    [Test]
    public async Task Verify_accepts_the_bundle_and_writes_csv_and_french_html()
    {
        var csv = Path.Combine(_root, "verify.csv");
        var html = Path.Combine(_root, "verify.html");

        var (exit, output, error) = await CliAsync("verify", _bundle, "--trust", _trust, "--csv", csv, "--html", html);

        exit.ShouldBe(ExitCodes.Passed, output + error);
        output.ShouldContain("ACCEPTÉ : 1 lot(s) accepté(s)");
        (await File.ReadAllLinesAsync(csv))[1].ShouldStartWith(Finess + ";accepté;");
        (await File.ReadAllTextAsync(html)).ShouldContain("Tous les lots sont acceptés");
    }

    [Test]
    public async Task Verify_rejects_a_tampered_copy_with_exit_1_and_the_reason()
    {
        var tampered = Path.Combine(_root, "tampered", "proof.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(tampered)!);
        File.Copy(_bundle, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("report.json")!;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var memory = new MemoryStream())
            {
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }

            bytes[bytes.Length / 2] ^= 0x01;
            entry.Delete();
            using var replaced = zip.CreateEntry("report.json").Open();
            await replaced.WriteAsync(bytes);
        }

        var (exit, output, _) = await CliAsync("verify", tampered, "--trust", _trust);

        exit.ShouldBe(ExitCodes.Failed);
        output.ShouldContain("PROOF-7003");
        output.ShouldContain("REFUSÉ");
    }

    [Test]
    public async Task Verify_of_the_run_folder_finds_the_bundle_and_not_the_evidence_zips()
    {
        var (exit, output, error) = await CliAsync("verify", Path.GetDirectoryName(_bundle)!, "--trust", _trust);

        exit.ShouldBe(ExitCodes.Passed, output + error);
        output.ShouldContain("ACCEPTÉ : 1 lot(s) accepté(s), 0 refusé(s)");
    }

    [Test]
    public async Task Verify_without_the_editor_in_the_trust_store_rejects_the_signer()
    {
        var (exit, output, _) = await CliAsync("verify", _bundle);

        exit.ShouldBe(ExitCodes.Failed);
        output.ShouldContain("PROOF-7008");
    }

    [Test]
    public async Task Verify_of_a_project_csv_reports_the_expected_essms_without_a_bundle()
    {
        var project = Path.Combine(_root, "projet");
        Directory.CreateDirectory(project);
        File.Copy(_bundle, Path.Combine(project, Finess + ".zip"));
        await File.WriteAllTextAsync(Path.Combine(project, "projet.csv"), $"nom;finess\nEHPAD de test;{Finess}\nSSIAD absent;750712184\n");

        var (exit, output, _) = await CliAsync("verify", Path.Combine(project, "projet.csv"), "--trust", _trust);

        exit.ShouldBe(ExitCodes.Failed);
        output.ShouldContain("PROOF-7019");
        output.ShouldContain("1 lot(s) accepté(s), 1 refusé(s) ou manquant(s)");
    }

    [TestCase("run", "--proof")]
    [TestCase("run", "--proof", "--finess", "690999991")]
    [TestCase("run", "--finess", "690999990")]
    [TestCase("run", "--proof", "--finess", "690999990", "--sign-cert", "cert.pem")]
    [TestCase("verify", "/nonexistent/proof.zip")]
    [TestCase("verify", ".", "--from", "01/09/2025")]
    public async Task Wrong_proof_options_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await CliAsync(args);

        exit.ShouldBe(ExitCodes.Usage, error);
        error.ShouldStartWith("dui-conformance: ");
    }

    private static async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromMinutes(3));
        TestContext.Out.WriteLine(output.ToString());
        TestContext.Out.WriteLine(error.ToString());
        return (exit, output.ToString(), error.ToString());
    }
}

using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Proof;

public sealed class ProofTrustStoreAndSignerTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateFolder()
    {
        _directory = Path.Combine(Path.GetTempPath(), "proof-trust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_folder_of_pem_certificates_trusts_them_and_nothing_else()
    {
        File.WriteAllText(Path.Combine(_directory, "editeur.pem"), ProofCertificates.Trusted.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "ac.crt"), ProofCertificates.Ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "LISEZMOI.txt"), "ignored");

        var store = ProofTrustStore.LoadFolder(_directory);

        store.Count.ShouldBe(2);
        store.IsTrusted(ProofCertificates.Trusted).ShouldBeTrue();
        store.IsTrusted(ProofCertificates.IssuedByCa).ShouldBeTrue();
        store.IsTrusted(ProofCertificates.Untrusted).ShouldBeFalse();
    }

    [Test]
    public void An_empty_or_missing_folder_and_a_file_without_a_certificate_are_clear_errors()
    {
        Should.Throw<InvalidDataException>(() => ProofTrustStore.LoadFolder(_directory)).Message.ShouldContain("magasin de confiance vide");
        Should.Throw<InvalidDataException>(() => ProofTrustStore.LoadFolder(Path.Combine(_directory, "absent"))).Message.ShouldContain("introuvable");
        File.WriteAllText(Path.Combine(_directory, "vide.pem"), "pas un certificat");
        Should.Throw<InvalidDataException>(() => ProofTrustStore.LoadFolder(_directory)).Message.ShouldContain("vide.pem");
    }

    [Test]
    public void Pem_certificate_and_key_load_for_signing_and_a_mismatched_key_is_refused()
    {
        var certificate = Path.Combine(_directory, "cert.pem");
        var key = Path.Combine(_directory, "key.pem");
        var otherKey = Path.Combine(_directory, "other.pem");
        ProofCertificates.WritePem(ProofCertificates.Trusted, certificate, key);
        ProofCertificates.WritePem(ProofCertificates.Untrusted, Path.Combine(_directory, "unused.pem"), otherKey);

        using var loaded = ProofSigner.LoadPem(certificate, key);
        loaded.HasPrivateKey.ShouldBeTrue();
        loaded.Thumbprint.ShouldBe(ProofCertificates.Trusted.Thumbprint);
        Should.Throw<InvalidDataException>(() => ProofSigner.LoadPem(certificate, otherKey)).Message.ShouldContain("cert.pem");
    }

    [Test]
    public async Task The_writer_refuses_a_wrong_finess_before_writing_anything()
    {
        var run = await ProofRun.CreateAsync(Path.Combine(_directory, "run"), "essms");
        var output = Path.Combine(_directory, "proof.zip");

        var error = await Should.ThrowAsync<ArgumentException>(() => ProofRun.BundleAsync(run, output, "69099999"));

        error.Message.ShouldContain("9 caractères");
        File.Exists(output).ShouldBeFalse();
    }

    [Test]
    public async Task Bundles_beyond_the_size_or_entry_limits_are_unreadable_without_being_read()
    {
        var run = await ProofRun.CreateAsync(Path.Combine(_directory, "run"), "essms");
        var bundle = (await ProofRun.BundleAsync(run, Path.Combine(_directory, "proof.zip"))).Path;

        var small = new ProofBundleVerifier(ProofRun.Options() with { MaxBundleBytes = 100 }).Verify(bundle);
        var few = new ProofBundleVerifier(ProofRun.Options() with { MaxEntries = 3 }).Verify(bundle);
        var tiny = new ProofBundleVerifier(ProofRun.Options() with { MaxSmallFileBytes = 64 }).Verify(bundle);

        small.Rejections.Single().Code.ShouldBe("PROOF-7001");
        few.Rejections.Single().Detail.ShouldContain("au-delà de la limite de 3");
        tiny.Rejections.Single().Code.ShouldBe("PROOF-7001");
    }
}

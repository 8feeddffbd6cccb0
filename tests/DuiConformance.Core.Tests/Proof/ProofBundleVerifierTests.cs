using System.Text;
using System.Text.Json;
using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>One bundle, each way it can be wrong: every rejection reason of a single bundle, with its code.</summary>
public sealed class ProofBundleVerifierTests
{
    private string _directory = null!;
    private string _run = null!;
    private string _bundle = null!;

    [SetUp]
    public async Task CreateRunAndBundle()
    {
        _directory = Path.Combine(Path.GetTempPath(), "proof-tests-" + Guid.NewGuid().ToString("N"));
        _run = await ProofRun.CreateAsync(Path.Combine(_directory, "run"), "essms-1");
        _bundle = (await ProofRun.BundleAsync(_run, Path.Combine(_directory, "proof.zip"))).Path;
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_signed_bundle_of_a_passing_run_is_accepted_with_its_facts()
    {
        var verdict = Verify(_bundle);

        verdict.Rejections.ShouldBeEmpty();
        verdict.Accepted.ShouldBeTrue();
        verdict.Finess.ShouldBe(ProofRun.Finess);
        verdict.Signer!.ShouldContain("Editeur de confiance");
        verdict.SignedAt.ShouldBe(ProofRun.BundledAt);
        verdict.Dui.ShouldBe("DUI de référence 1.0.0");
        verdict.EvidenceHashes.Count.ShouldBe(2);
    }

    [Test]
    public void The_bundle_holds_report_evidence_metadata_manifest_and_signature_but_not_the_browser_trace()
    {
        var files = ZipRewriter.ReadAll(_bundle);

        files.Keys.ShouldContain("report.json");
        files.Keys.ShouldContain("metadata.json");
        files.Keys.ShouldContain("manifest.json");
        files.Keys.ShouldContain("manifest.json.p7s");
        files.Keys.ShouldContain("evidence/index.jsonl");
        files.Keys.Count(name => name.StartsWith("evidence/objects/", StringComparison.Ordinal)).ShouldBe(2);
        Encoding.UTF8.GetString(files["evidence/index.jsonl"]).ShouldNotContain("browser-trace");
        files["report.json"].ShouldBe(File.ReadAllBytes(Path.Combine(_run, "report.json")));
        var metadata = JsonSerializer.Deserialize<JsonElement>(files["metadata.json"]);
        metadata.GetProperty("finess").GetString().ShouldBe(ProofRun.Finess);
        metadata.GetProperty("segurReferencingId").GetString().ShouldBe("SEGUR-DUI-0042");
        metadata.GetProperty("signed").GetBoolean().ShouldBeTrue();
        var manifest = JsonSerializer.Deserialize<JsonElement>(files["manifest.json"]);
        manifest.GetProperty("files").GetArrayLength().ShouldBe(files.Count - 2);
    }

    [Test]
    public async Task An_unsigned_bundle_says_so_in_its_metadata_and_is_rejected_as_unsigned()
    {
        var unsigned = await ProofRun.BundleAsync(_run, Path.Combine(_directory, "unsigned.zip"), unsigned: true);

        unsigned.Metadata.Signed.ShouldBeFalse();
        Encoding.UTF8.GetString(ZipRewriter.ReadAll(unsigned.Path)["metadata.json"]).ShouldContain("LOT NON SIGNÉ");
        Codes(Verify(unsigned.Path)).ShouldBe(["PROOF-7006"]);
    }

    [Test]
    public void A_file_that_is_not_a_zip_is_unreadable()
    {
        var path = Path.Combine(_directory, "garbage.zip");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("PK not really a zip"));

        Codes(Verify(path)).ShouldBe(["PROOF-7001"]);
    }

    [Test]
    public void An_entry_climbing_out_of_the_bundle_is_refused_before_anything_is_read()
    {
        var path = Rewrite(files => files["../evil.txt"] = [1, 2, 3]);

        var verdict = Verify(path);
        Codes(verdict).ShouldBe(["PROOF-7001"]);
        verdict.Rejections[0].Detail.ShouldContain("../evil.txt");
    }

    [Test]
    public void A_missing_manifest_is_reported()
    {
        Codes(Verify(Rewrite(files => files.Remove("manifest.json")))).ShouldContain("PROOF-7002");
    }

    [Test]
    public void A_changed_report_breaks_its_hash()
    {
        var verdict = Verify(Rewrite(files => files["report.json"][100] ^= 0x20));

        Codes(verdict).ShouldContain("PROOF-7003");
        verdict.Rejections.First(rejection => rejection.Code == "PROOF-7003").Detail.ShouldContain("report.json");
    }

    [Test]
    public void A_removed_evidence_file_is_missing()
    {
        var path = Rewrite(files => files.Remove(files.Keys.First(name => name.StartsWith("evidence/objects/", StringComparison.Ordinal))));

        Codes(Verify(path)).ShouldBe(["PROOF-7004"]);
    }

    [Test]
    public void An_added_file_is_extra()
    {
        Codes(Verify(Rewrite(files => files["evidence/objects/capture.png"] = [0x89, 0x50]))).ShouldBe(["PROOF-7005"]);
    }

    [Test]
    public async Task A_signature_taken_from_another_bundle_does_not_verify()
    {
        var otherRun = await ProofRun.CreateAsync(Path.Combine(_directory, "run2"), "essms-2");
        var other = await ProofRun.BundleAsync(otherRun, Path.Combine(_directory, "other.zip"), ProofRun.OtherFiness);
        var signature = ZipRewriter.ReadAll(other.Path)["manifest.json.p7s"];

        Codes(Verify(Rewrite(files => files["manifest.json.p7s"] = signature))).ShouldBe(["PROOF-7007"]);
    }

    [Test]
    public async Task A_bundle_signed_by_an_unknown_editor_is_untrusted()
    {
        var bundle = await ProofRun.BundleAsync(_run, Path.Combine(_directory, "untrusted.zip"), signer: ProofCertificates.Untrusted);

        var verdict = Verify(bundle.Path);
        Codes(verdict).ShouldBe(["PROOF-7008"]);
        verdict.Rejections[0].Detail.ShouldContain("Editeur inconnu");
    }

    [Test]
    public async Task A_bundle_signed_with_a_certificate_expired_at_signing_time_is_rejected()
    {
        var bundle = await ProofRun.BundleAsync(_run, Path.Combine(_directory, "expired.zip"), signer: ProofCertificates.Expired);

        Codes(Verify(bundle.Path)).ShouldBe(["PROOF-7009"]);
    }

    [Test]
    public async Task A_certificate_issued_by_a_trusted_ca_chains_to_it_and_is_accepted()
    {
        var bundle = await ProofRun.BundleAsync(_run, Path.Combine(_directory, "issued.zip"), signer: ProofCertificates.IssuedByCa);

        Verify(bundle.Path).Rejections.ShouldBeEmpty();
    }

    [Test]
    public void Metadata_that_contradicts_the_report_is_rejected_even_when_signed()
    {
        var path = WriteBundle(metadata => metadata with { DuiVersion = "9.9.9" });

        var verdict = Verify(path);
        Codes(verdict).ShouldBe(["PROOF-7010"]);
        verdict.Rejections[0].Detail.ShouldContain("9.9.9");
    }

    [Test]
    public void A_bundle_with_a_wrong_finess_key_is_rejected()
    {
        var verdict = Verify(WriteBundle(metadata => metadata with { Finess = "690999991" }));

        Codes(verdict).ShouldBe(["PROOF-7011"]);
        verdict.Rejections[0].Detail.ShouldContain("clé");
    }

    [Test]
    public void A_finess_not_in_the_project_is_unexpected()
    {
        var verdict = new ProofBundleVerifier(ProofRun.Options(new HashSet<string> { ProofRun.OtherFiness })).Verify(_bundle);

        Codes(verdict).ShouldBe(["PROOF-7012"]);
    }

    [Test]
    public async Task A_bundle_made_after_the_campaign_window_is_out_of_window()
    {
        var late = await ProofRun.BundleAsync(_run, Path.Combine(_directory, "late.zip"), at: new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var options = ProofRun.Options() with { Time = new FixedTime(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)) };

        var verdict = new ProofBundleVerifier(options).Verify(late.Path);
        Codes(verdict).ShouldBe(["PROOF-7013"]);
        verdict.Rejections.ShouldAllBe(rejection => rejection.Detail.Contains("fenêtre de campagne"));
    }

    [Test]
    public void A_bundle_dated_in_the_future_is_rejected()
    {
        var options = ProofRun.Options() with { Time = new FixedTime(ProofRun.BundledAt.AddDays(-1)), WindowStart = null, WindowEnd = null };

        Codes(new ProofBundleVerifier(options).Verify(_bundle)).ShouldBe(["PROOF-7013"]);
    }

    [Test]
    public async Task A_run_where_an_installation_proof_requirement_failed_is_rejected_naming_it()
    {
        var failing = await ProofRun.CreateAsync(Path.Combine(_directory, "failing"), "essms-3", failing: "DUI-MSS-04");
        var bundle = await ProofRun.BundleAsync(failing, Path.Combine(_directory, "failing.zip"));

        var verdict = Verify(bundle.Path);
        Codes(verdict).ShouldBe(["PROOF-7014"]);
        verdict.Rejections[0].Detail.ShouldContain("DUI-MSS-04 (fail)");
    }

    [Test]
    public void A_report_that_is_not_a_report_is_rejected()
    {
        var path = Path.Combine(_directory, "bad-report.zip");
        var metadata = Metadata();
        using (var stream = File.Create(path))
        {
            ProofBundleWriter.Write(stream, new ProofBundleContent("{\"hello\":1}"u8.ToArray(), []), metadata, ProofCertificates.Trusted, ProofRun.BundledAt);
        }

        Codes(Verify(path)).ShouldContain("PROOF-7015");
    }

    [Test]
    public void Tool_and_catalogue_versions_outside_the_accepted_ones_are_rejected()
    {
        var options = ProofRun.Options() with
        {
            AcceptedToolVersions = new HashSet<string> { "2.0.0" },
            AcceptedCatalogueVersions = new HashSet<string> { "sha256:ffffffffffffffff" },
        };

        Codes(new ProofBundleVerifier(options).Verify(_bundle)).ShouldBe(["PROOF-7017", "PROOF-7018"]);
    }

    private static ProofBundleVerdict Verify(string path) => new ProofBundleVerifier(ProofRun.Options()).Verify(path);

    private static List<string> Codes(ProofBundleVerdict verdict) => [.. verdict.Rejections.Select(rejection => rejection.Code).Distinct().Order(StringComparer.Ordinal)];

    private string Rewrite(Action<Dictionary<string, byte[]>> change)
    {
        var path = Path.Combine(_directory, "tampered-" + Guid.NewGuid().ToString("N") + ".zip");
        ZipRewriter.Rewrite(_bundle, path, change);
        return path;
    }

    private ProofMetadata Metadata()
    {
        var files = ZipRewriter.ReadAll(_bundle);
        return JsonSerializer.Deserialize<ProofMetadata>(files["metadata.json"], ProofJson.Options)!;
    }

    /// <summary>A properly signed bundle of the run's files whose metadata was changed before signing.</summary>
    private string WriteBundle(Func<ProofMetadata, ProofMetadata> change)
    {
        var files = ZipRewriter.ReadAll(_bundle);
        var evidence = files.Where(file => file.Key.StartsWith("evidence/", StringComparison.Ordinal))
            .Select(file => new KeyValuePair<string, byte[]>(file.Key["evidence/".Length..], file.Value)).ToList();
        var path = Path.Combine(_directory, "rewritten-" + Guid.NewGuid().ToString("N") + ".zip");
        using var stream = File.Create(path);
        ProofBundleWriter.Write(stream, new ProofBundleContent(files["report.json"], evidence), change(Metadata()), ProofCertificates.Trusted, ProofRun.BundledAt);
        return path;
    }
}

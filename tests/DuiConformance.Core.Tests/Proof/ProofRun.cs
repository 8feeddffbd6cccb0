using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Proof;
using DuiConformance.Core.Reporting;
using DuiConformance.Core.Tests.Reporting;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>Makes a finished run folder (report.json and evidence/) and bundles it, for the proof tests.</summary>
internal static class ProofRun
{
    public const string Finess = "690999990";
    public const string OtherFiness = "750712184";
    public const string Catalogue = "sha256:0123456789abcdef";

    /// <summary>When the bundles of the tests are made and signed: the day after the sample run.</summary>
    public static DateTimeOffset BundledAt { get; } = SampleRun.Start.AddHours(2);

    /// <summary>A run folder with an all-passing report (or one failing <paramref name="failing"/>) and three evidence items, one a browser trace.</summary>
    public static async Task<string> CreateAsync(string directory, string uniqueText, string? failing = null)
    {
        Directory.CreateDirectory(directory);
        var checks = failing is null ? SampleRun.AllPassing() : SampleRun.AllPassingBut(failing, Outcome.Fail);
        await RunReportJson.WriteAsync(SampleRun.Report(checks), Path.Combine(directory, ReportFiles.JsonFileName));
        var store = new EvidenceStore(Path.Combine(directory, ReportFiles.EvidenceDirectoryName), new EvidenceTagContext("run-20251001-083000"), new FixedTime(SampleRun.Start.AddSeconds(10)));
        await store.RecordAsync(EvidenceKinds.SmtpMessage, Encoding.UTF8.GetBytes($"Message-ID: <{uniqueText}@test>\r\nX-MSS-NIL: 1\r\n\r\nDLU pour {uniqueText}\r\n"), "message/rfc822");
        await store.RecordAsync(EvidenceKinds.FhirRequest, Encoding.UTF8.GetBytes($$"""{"resourceType":"Bundle","id":"{{uniqueText}}"}"""), "application/fhir+json");
        await store.RecordAsync("browser-trace", Encoding.UTF8.GetBytes("trace " + uniqueText), "application/zip");
        await store.WriteManifestAsync();
        return directory;
    }

    /// <summary>Bundles a run folder into <paramref name="output"/>.</summary>
    public static async Task<WrittenProofBundle> BundleAsync(string runDirectory, string output, string finess = Finess, System.Security.Cryptography.X509Certificates.X509Certificate2? signer = null, DateTimeOffset? at = null, bool unsigned = false) =>
        await ProofBundleWriter.WriteAsync(new ProofBundleRequest
        {
            RunDirectory = runDirectory,
            OutputPath = output,
            Finess = finess,
            SegurReferencingId = "SEGUR-DUI-0042",
            CatalogueVersion = Catalogue,
            SigningCertificate = unsigned ? null : signer ?? ProofCertificates.Trusted,
            Time = new FixedTime(at ?? BundledAt),
        });

    /// <summary>The options of the tests: the test store, the 2025 installation-proof requirements, the window of autumn 2025.</summary>
    public static ProofVerificationOptions Options(IReadOnlySet<string>? expected = null) => new()
    {
        TrustStore = ProofCertificates.Store,
        ExpectedFiness = expected,
        WindowStart = new DateOnly(2025, 9, 1),
        WindowEnd = new DateOnly(2025, 12, 31),
        RequiredRequirements = SampleRun.RuleSet.Rules.Single(rule => rule.Id == "2025-SONS-INSTALLATION-PROOF").Requires,
        AcceptedToolVersions = new HashSet<string> { "0.1.0" },
        AcceptedCatalogueVersions = new HashSet<string> { Catalogue },
        Time = new FixedTime(new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.Zero)),
        Parallelism = 2,
    };
}

using DuiConformance.Core.Fhir.Profiles;

namespace DuiConformance.Cli.Running;

/// <summary>What <c>run</c> was asked to do.</summary>
public sealed record RunOptions
{
    /// <summary>Output folder; default <c>out/&lt;timestamp&gt;/</c> under the project root.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>SUT preset (<c>profiles/suts/&lt;preset&gt;/</c>): the built-in <c>reference-dui</c>, or an external DUI's preset.</summary>
    public string Sut { get; init; } = "reference-dui";

    /// <summary>Driver name: <c>playwright</c> or <c>http-hooks</c>.</summary>
    public string Driver { get; init; } = "playwright";

    /// <summary>Reference DUI defects to switch on.</summary>
    public IReadOnlyList<string> Defects { get; init; } = [];

    /// <summary>Scenario ids to run; empty runs every scenario.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Eligibility rule set id.</summary>
    public string Campaign { get; init; } = "2025";

    /// <summary>Report language, <c>fr</c> or <c>en</c>.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>The organisation file (<c>--organisation</c>: the ESSMS of a project, YAML or CSV), for the funding estimate; <c>null</c> for none.</summary>
    public string? Organisation { get; init; }

    /// <summary>Also copy the report to <c>out/latest/</c>.</summary>
    public bool UpdateLatest { get; init; } = true;

    /// <summary>Also write <c>proof.zip</c>, the SONS installation proof, beside the report (needs <see cref="Finess"/>).</summary>
    public bool Proof { get; init; }

    /// <summary>FINESS géographique of the ESSMS the proof is for.</summary>
    public string? Finess { get; init; }

    /// <summary>PEM certificate of the editor signing the proof; without it the bundle is unsigned.</summary>
    public string? SignCertificatePath { get; init; }

    /// <summary>PEM private key matching <see cref="SignCertificatePath"/>.</summary>
    public string? SignKeyPath { get; init; }

    /// <summary>Ségur referencing identifier of the DUI version, written in the proof's metadata.</summary>
    public string? SegurId { get; init; }

    /// <summary>Base address of an external DUI (<c>--sut-url</c>), overriding its preset's <c>url</c>.</summary>
    public string? SutUrl { get; init; }
    /// <summary>What the operator of the manual driver types; <c>null</c> for the console. A script may answer instead (issue 6 §3).</summary>
    public TextReader? OperatorInput { get; init; }

    /// <summary>Where the manual driver prints its instructions; <c>null</c> for the console.</summary>
    public TextWriter? OperatorOutput { get; init; }
    /// <summary>Number of lanes (<c>--parallel n</c>): each has its own simulators, system under test and driver.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The part of the suite this run plays (<c>--shard k/n</c>); <c>null</c> for the whole suite.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Only the final summary and errors on the console (<c>--quiet</c>, for CI logs).</summary>
    public bool Quiet { get; init; }

    /// <summary>
    /// Expectation timeouts run on a virtual clock that jumps to the next deadline once the lane is quiet
    /// (<c>--real-clock</c> turns it off).
    /// </summary>
    public bool VirtualClock { get; init; } = true;

    /// <summary>
    /// Which INS OIDs the run expects (<c>--ins-mode</c>): production (default) keeps the INSi answers' production OIDs
    /// and flags test OIDs; test makes the simulated INSi answer with test OIDs and flags production ones (domain.md §10).
    /// </summary>
    public InsMode InsMode { get; init; } = InsMode.Production;

    /// <summary>Official FHIR packages (<c>package.tgz</c> or folders, <c>--fhir-package</c>) the profile validation also uses; named in the report.</summary>
    public IReadOnlyList<string> FhirPackages { get; init; } = [];

    /// <summary>A UI map file to use instead of the preset's (<c>uiMap</c> in runsettings/editor.runsettings); <c>null</c> for the preset's.</summary>
    public string? UiMapPath { get; init; }
}

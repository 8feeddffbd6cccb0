using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Tests.Validation;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>
/// mss.xdm.metadata rules over the NIST ETT XDM packages of /work/shared/reference (read, never copied). They are real
/// IHE XDM but US content, not MSSanté-profiled: the ebRIM structure must pass (no XDM-2301…2305), while the French
/// rules (INS patientId, IDNPS/IDNST authors, confidentiality N, CDA agreement) are expected to find differences.
/// </summary>
[Category("Reference")]
public sealed class XdmMetadataReferenceTests
{
    private static readonly string[] StructureCodes = ["XDM-2301", "XDM-2302", "XDM-2303", "XDM-2304", "XDM-2305"];

    [Test]
    public void The_nist_xdm_packages_pass_the_ebrim_structure_rules()
    {
        var folder = ReferencePaths.Require("nist-ett", "master-629cf56e", "webapp", "src", "main", "resources", "cda-samples");
        var zips = Directory.GetFiles(folder, "*.zip").Order(StringComparer.Ordinal).ToList();
        zips.ShouldNotBeEmpty();

        foreach (var zip in zips)
        {
            var package = XdmPackageReader.Read(File.ReadAllBytes(zip));
            var findings = XdmMetadataRules.Package(Path.GetFileName(zip), "IHE_XDM.ZIP", package);
            var summary = string.Join(", ", findings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
            TestContext.Out.WriteLine($"{Path.GetFileName(zip)}: {summary}");
            foreach (var finding in findings.DistinctBy(f => f.Code))
            {
                TestContext.Out.WriteLine($"    {finding.Code} {finding.Location.Path}: {finding.Message}");
            }

            package.Metadata.ShouldNotBeEmpty(zip);
            findings.Where(f => StructureCodes.Contains(f.Code)).ShouldBeEmpty(Path.GetFileName(zip));
            // Note: all of them have consistent hash/size (MANIFEST.md) and resolvable URIs.
            findings.ShouldNotContain(f => f.Code == "XDM-2311" || f.Code == "XDM-2312", Path.GetFileName(zip));
        }
    }
}

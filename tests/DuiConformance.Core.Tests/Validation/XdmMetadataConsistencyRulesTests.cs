using System.Text;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Tests.Validation;

[TestFixture]
public sealed class XdmMetadataConsistencyRulesTests
{
    private const string Metadata = "IHE_XDM/SUBSET01/METADATA.XML";

    private static XdmPackage Package(Func<string, string>? editMetadata = null)
    {
        var package = XdmPackageReader.Read(FixturePaths.Read("validation", "xdm-valid.zip"));
        if (editMetadata is null)
        {
            return package;
        }

        var entries = package.Entries
            .Select(e => e.Path == Metadata ? new XdmEntry(e.Path, Encoding.UTF8.GetBytes(editMetadata(Encoding.UTF8.GetString(e.Content.Span)))) : e)
            .ToList();
        return package with { Entries = entries };
    }

    [Test]
    public void The_synthetic_package_metadata_agrees_with_its_dlu()
    {
        XdmMetadataConsistencyRules.Check("ev", "IHE_XDM.ZIP", Package()).ShouldBeEmpty();
    }

    [Test]
    public void A_type_code_other_than_the_cda_code_is_reported_in_metadata_with_its_line()
    {
        var findings = XdmMetadataConsistencyRules.Check("ev", "IHE_XDM.ZIP", Package(m => m.Replace("nodeRepresentation=\"74207-2\"", "nodeRepresentation=\"11488-4\"", StringComparison.Ordinal)));

        var finding = findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(XdmFindings.MetadataInconsistent.Code);
        finding.Message.ShouldContain("11488-4");
        finding.Location.Entry.ShouldBe("IHE_XDM.ZIP!" + Metadata);
        finding.Location.Line.ShouldNotBeNull();
    }

    [Test]
    public void A_unique_id_a_language_and_a_creation_time_that_differ_are_each_reported()
    {
        var findings = XdmMetadataConsistencyRules.Check("ev", "IHE_XDM.ZIP", Package(m => m
            .Replace("value=\"1.2.250.1.999.2.1.20250115.1\"", "value=\"1.2.3\"", StringComparison.Ordinal)
            .Replace("<rim:Value>fr-FR</rim:Value>", "<rim:Value>en-US</rim:Value>", StringComparison.Ordinal)
            .Replace("<rim:Value>20250115090000</rim:Value>", "<rim:Value>20250115100000</rim:Value>", StringComparison.Ordinal)));

        findings.Count.ShouldBe(3);
        findings.ShouldAllBe(f => f.Requirements.Contains(RequirementIds.Mss04));
    }

    [TestCase("20250115090000", "20250115100000+0100", true)]
    [TestCase("20250115100000", "20250115100000+0100", false)]
    [TestCase("202501150900", "20250115100000+0100", true)]
    [TestCase("20250115", "20250115", true)]
    [TestCase("20241231230000", "20250101000000+0100", true)]
    [TestCase("20250115150000", "20250115100000-0500", true)]
    public void Creation_time_is_compared_in_utc(string xds, string cda, bool same)
    {
        XdmMetadataConsistencyRules.SameInstant(xds, cda).ShouldBe(same);
    }
}

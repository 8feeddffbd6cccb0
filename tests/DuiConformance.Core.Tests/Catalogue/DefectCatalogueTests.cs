using DuiConformance.Core.Catalogue;

namespace DuiConformance.Core.Tests.Catalogue;

public sealed class DefectCatalogueTests
{
    [Test]
    public void The_shipped_catalogue_names_at_least_one_requirement_per_defect()
    {
        var catalogue = DefectCatalogue.Load(DefectCatalogue.DefaultPath);

        catalogue.Defects.Select(defect => defect.Name).ShouldBe(
            ["xdm-missing-metadata", "cda-missing-realm", "dmp-hash-mismatch", "ins-sent-unqualified", "first-given-name-not-first", "test-oid-in-production", "stored-ins-overwritten-on-mismatch",
             "no-read-receipt-request", "no-delivery-notify", "patient-address-without-key", "invisible-document-to-patient"],
            ignoreOrder: true);
        catalogue.Defects.ShouldAllBe(defect => defect.Requirements.Count > 0 && defect.Requirements.All(id => id.StartsWith("DUI-", StringComparison.Ordinal)));
    }

    [Test]
    public void A_defect_without_requirements_is_refused_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, "defects:\n  - name: x\n    description: y\n    requirements: []\n");
        try
        {
            Should.Throw<FormatException>(() => DefectCatalogue.Load(path)).Message.ShouldContain(":2:");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

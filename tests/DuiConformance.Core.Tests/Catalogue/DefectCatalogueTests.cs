using DuiConformance.Core.Catalogue;

namespace DuiConformance.Core.Tests.Catalogue;

public sealed class DefectCatalogueTests
{
    [Test]
    public void The_shipped_catalogue_names_at_least_one_requirement_per_defect()
    {
        var catalogue = DefectCatalogue.Load(DefectCatalogue.DefaultPath);

        // Note: which names the reference DUI implements is tested beside it (ReferenceDuiDefects); here, that the file
        // holds the first catalogue's defects, each name once, each naming requirements the catalogue knows.
        var known = Core.Requirements.RequirementCatalogue.LoadDefault();
        catalogue.Defects.Select(defect => defect.Name).ShouldBeUnique();
        catalogue.Defects.Select(defect => defect.Name).ShouldContain("cda-missing-realm");
        catalogue.Defects.SelectMany(defect => defect.Requirements).ShouldAllBe(id => known.Contains(id));
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

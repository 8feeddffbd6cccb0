using DuiConformance.Core.Validation;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>Every published CI-SIS schematron of the snapshot loads and compiles with our engine (Reference).</summary>
[TestFixture]
[Category("Reference")]
public sealed class CiSisSchematronCompilationTests
{
    [Test]
    public void Every_ci_sis_schematron_of_the_snapshot_compiles_in_its_default_phase()
    {
        var folder = Path.Combine(ReferencePaths.CiSisSnapshot, "schematrons");
        var files = Directory.GetFiles(folder, "*.sch").Concat(Directory.GetFiles(Path.Combine(folder, "profils"), "*.sch")).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var assertions = 0;
        foreach (var file in files)
        {
            try
            {
                assertions += SchematronSchema.Load(file).AssertionCount;
            }
            catch (HarnessException exception)
            {
                failures.Add($"{Path.GetFileName(file)} : {exception.Message}");
            }
        }

        TestContext.Out.WriteLine($"{files.Count - failures.Count}/{files.Count} schematrons compilés, {assertions} assertions");
        failures.ForEach(f => TestContext.Out.WriteLine("  ÉCHEC " + f));
        failures.ShouldBeEmpty();
    }

    [Test]
    public void The_catalogue_picks_the_dlu_schematron_for_a_dlu_by_volet_template_and_version()
    {
        var catalogue = SchematronCatalogue.Open(Path.Combine(ReferencePaths.CiSisSnapshot, "schematrons"));

        var selected = catalogue.Select([("2.16.840.1.113883.2.8.2.1", null), ("1.2.250.1.213.1.1.1.1", null), ("1.2.250.1.213.1.1.1.22", "2022.01")]);

        selected.Select(Path.GetFileName).ShouldBe(["CI-SIS_DLU-EHPAD-DLU_2022.01.sch"]);
        catalogue.Select([("1.2.250.1.213.1.1.1.5.3", "2024.01")]).Select(Path.GetFileName).ShouldBe(["CI-SIS_CSE-CS24_2024.01.sch"]);
        catalogue.Select([("1.2.250.1.213.1.1.1.5.3", "2099.01")]).Select(Path.GetFileName).ShouldBe(["CI-SIS_CSE-CS24_2025.01.sch"]);
        catalogue.Select([("2.16.840.1.113883.10.20.22.1.1", null)]).ShouldBeEmpty();
    }
}

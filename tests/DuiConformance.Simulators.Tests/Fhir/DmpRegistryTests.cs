using DuiConformance.Core;
using DuiConformance.Simulators.Fhir;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>The simulated DMP's registry of INS and DMP status (fixtures/dmp/registry.csv).</summary>
public sealed class DmpRegistryTests
{
    [Test]
    public void The_default_registry_lists_the_scenario_usagers_and_leaves_everyone_else_active()
    {
        var registry = DmpRegistry.LoadDefault();

        registry.StatusOf("255072A00412353").ShouldBe(DmpStatus.Closed);
        registry.StatusOf("238114410912335").ShouldBe(DmpStatus.Opposed);
        registry.StatusOf("242056912345661").ShouldBe(DmpStatus.Active);
    }

    [TestCase("ins,status\n255072A00412353,ferme\n", 2)]
    [TestCase("255072A00412353\n", 1)]
    [TestCase("# commentaire\n255072A00412353,closed\n255072a00412353,absent\n", 3)]
    public void A_malformed_registry_is_refused_naming_the_line(string text, int line)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);

            var error = Should.Throw<HarnessException>(() => DmpRegistry.Load(path));

            error.Code.ShouldBe(HarnessCodes.DmpRegistryInvalid);
            error.Message.ShouldContain($"ligne {line}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

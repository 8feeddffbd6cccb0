using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Tests;

public sealed class ScenarioDataTests
{
    [Test]
    public void Placeholders_are_replaced_from_fixture_values_and_captured_variables()
    {
        var data = new ScenarioData(new Dictionary<string, string> { ["usager.birthName"] = "DUPONT" });
        data.Capture("usagerId", "42");

        data.Interpolate("/usagers/{vars.usagerId}?n={usager.birthName}").ShouldBe("/usagers/42?n=DUPONT");
    }

    [Test]
    public void An_unknown_placeholder_is_an_error_naming_the_known_ones()
    {
        var data = new ScenarioData(new Dictionary<string, string> { ["recipient"] = "a@b" });

        Should.Throw<KeyNotFoundException>(() => data.Interpolate("{recipeint}")).Message.ShouldContain("recipient");
    }

    [Test]
    public void Captured_variables_do_not_leak_into_the_original()
    {
        var original = new ScenarioData(new Dictionary<string, string>());
        var copy = original.Clone();

        copy.Capture("x", "1");

        original.Values.ShouldNotContainKey("vars.x");
    }
}

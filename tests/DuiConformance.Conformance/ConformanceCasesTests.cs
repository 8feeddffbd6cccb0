namespace DuiConformance.Conformance;

/// <summary>The test cases themselves: one per shipped scenario, with its requirements as properties and categories.</summary>
[Category("Fast")]
public sealed class ConformanceCasesTests
{
    [Test]
    public void Every_scenario_file_is_one_case_named_after_its_id()
    {
        var names = ConformanceCases.All().Select(data => data.TestName).ToList();
        var files = Directory.EnumerateFiles(Core.RepositoryLayout.Profile("scenarios"), "*.yaml").Count();

        names.Count.ShouldBe(files);
        names.ShouldBeUnique();
        names.ShouldContain("ins-not-found-silence");
    }

    [Test]
    public void A_case_carries_each_requirement_it_verifies_as_a_property_and_a_category()
    {
        var silence = ConformanceCases.All().Single(data => data.TestName == "ins-not-found-silence");

        silence.ShouldSatisfyAllConditions(
            () => silence.Properties["Requirement"].Cast<string>().ShouldBe(["DUI-INS-09"]),
            () => silence.Properties["Category"].Cast<string>().ShouldBe(["DUI-INS-09"]),
            () => silence.Properties["Theme"].Cast<string>().ShouldBe(["INS"]),
            () => silence.Arguments.ShouldBe(["ins-not-found-silence"]));
    }

    [Test]
    public void Settings_absent_from_the_runsettings_keep_the_reference_dui_defaults()
    {
        var options = new ConformanceSettings().ToRunOptions("/tmp/out");

        options.ShouldSatisfyAllConditions(
            () => options.Sut.ShouldBe("reference-dui"),
            () => options.Driver.ShouldBe("playwright"),
            () => options.UiMapPath.ShouldBeNull(),
            () => options.Parallel.ShouldBe(1),
            () => options.Shard.ShouldBeNull(),
            () => options.Quiet.ShouldBeTrue(),
            () => options.UpdateLatest.ShouldBeFalse());
    }

    [Test]
    public void Shard_and_ui_map_parameters_become_run_options()
    {
        var options = new ConformanceSettings { Shard = "2/3", UiMap = "maps/ui.yaml", Parallel = 2 }.ToRunOptions("/tmp/out");

        options.Shard.ShouldBe(new Cli.Running.ShardSpec(2, 3));
        options.UiMapPath.ShouldBe(Path.GetFullPath("maps/ui.yaml"));
        options.Parallel.ShouldBe(2);
    }
}

using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Outcomes;

[Description("STYLE.md rule 13: one precedence order, Error > Fail > Skip > Pass > Omit.")]
public sealed class OutcomeTests
{
    [TestCase(Outcome.Pass, Outcome.Fail, Outcome.Fail)]
    [TestCase(Outcome.Fail, Outcome.Error, Outcome.Error)]
    [TestCase(Outcome.Skip, Outcome.Pass, Outcome.Skip)]
    [TestCase(Outcome.Omit, Outcome.Pass, Outcome.Pass)]
    [TestCase(Outcome.Skip, Outcome.Fail, Outcome.Fail)]
    [TestCase(Outcome.Omit, Outcome.Omit, Outcome.Omit)]
    public void Combine_keeps_the_outcome_of_higher_precedence(Outcome left, Outcome right, Outcome expected)
    {
        left.Combine(right).ShouldBe(expected);
        right.Combine(left).ShouldBe(expected);
    }

    [Test]
    public void An_empty_sequence_combines_to_omit()
    {
        Array.Empty<Outcome>().Combine().ShouldBe(Outcome.Omit);
    }

    [Test]
    public void Every_outcome_round_trips_through_its_wire_name()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            OutcomeExtensions.ParseWireName(outcome.ToWireName()).ShouldBe(outcome);
        }
    }

    [Test]
    public void An_unknown_wire_name_is_refused()
    {
        Should.Throw<FormatException>(() => OutcomeExtensions.ParseWireName("passed"));
    }

    [Test]
    public void An_outcome_value_added_without_updating_the_rank_breaks_loudly()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((Outcome)42).Rank()).Message.ShouldContain("Enum values have been added");
    }
}

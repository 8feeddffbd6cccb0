namespace DuiConformance.Core.Outcomes;

/// <summary>The one place outcomes are combined and named (STYLE.md rule 13).</summary>
public static class OutcomeExtensions
{
    /// <summary>Rank used for combining: a higher rank wins.</summary>
    public static int Rank(this Outcome outcome) => outcome switch
    {
        Outcome.Omit => 0,
        Outcome.Pass => 1,
        Outcome.Skip => 2,
        Outcome.Fail => 3,
        Outcome.Error => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Enum values have been added to {nameof(Outcome)}: update {nameof(Rank)}."),
    };

    /// <summary>Combines two outcomes with the precedence Error &gt; Fail &gt; Skip &gt; Pass &gt; Omit.</summary>
    public static Outcome Combine(this Outcome left, Outcome right) => left.Rank() >= right.Rank() ? left : right;

    /// <summary>Combines a sequence; an empty sequence is <see cref="Outcome.Omit"/>.</summary>
    public static Outcome Combine(this IEnumerable<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var result = Outcome.Omit;
        foreach (var outcome in outcomes)
        {
            result = result.Combine(outcome);
        }

        return result;
    }

    /// <summary>The lower-case wire name used in report.json (<c>pass|fail|skip|error|omit</c>).</summary>
    public static string ToWireName(this Outcome outcome) => outcome switch
    {
        Outcome.Omit => "omit",
        Outcome.Pass => "pass",
        Outcome.Skip => "skip",
        Outcome.Fail => "fail",
        Outcome.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Enum values have been added to {nameof(Outcome)}: update {nameof(ToWireName)}."),
    };

    /// <summary>Parses a wire name back; throws <see cref="FormatException"/> on anything else.</summary>
    public static Outcome ParseWireName(string name) => name switch
    {
        "omit" => Outcome.Omit,
        "pass" => Outcome.Pass,
        "skip" => Outcome.Skip,
        "fail" => Outcome.Fail,
        "error" => Outcome.Error,
        _ => throw new FormatException($"'{name}' is not an outcome (pass|fail|skip|error|omit)."),
    };
}

using DuiConformance.Core.Evidence;

namespace DuiConformance.Scenarios.Definitions;

/// <summary>
/// A filter over recorded evidence: the kind, and property values that must match exactly
/// (for instance <c>interaction: ITI-65</c> on a <c>fhir-request</c>). With <paramref name="Absent"/>, the step
/// expects silence instead: nothing matching during the scenario until <paramref name="Timeout"/> has passed.
/// </summary>
public sealed record EvidenceExpectation(string Kind, IReadOnlyDictionary<string, string> Properties, TimeSpan Timeout, bool Absent = false)
{
    /// <summary>True when <paramref name="item"/> is of the kind and carries every property value.</summary>
    public bool Matches(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind == Kind && Properties.All(pair => string.Equals(item.Property(pair.Key), pair.Value, StringComparison.Ordinal));
    }
}

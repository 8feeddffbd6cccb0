namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>One entry of the <c>parameters</c> map of a rule set file.</summary>
internal sealed class ParameterYaml
{
    public string? Value { get; set; }

    public string? Unit { get; set; }

    public string? DescriptionFr { get; set; }

    public string? DescriptionEn { get; set; }

    public string? Source { get; set; }
}

namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>An <c>instruction</c> or <c>amended_by</c> entry of a rule set file.</summary>
internal sealed class InstructionYaml
{
    public string? Reference { get; set; }

    public string? Date { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }
}

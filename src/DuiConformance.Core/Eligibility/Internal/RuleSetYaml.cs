namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>The shape of a rule set file, as YamlDotNet reads it (snake_case keys); validated by <see cref="EligibilityRuleSet"/>.</summary>
internal sealed class RuleSetYaml
{
    public string? Id { get; set; }

    public string? TitleFr { get; set; }

    public string? TitleEn { get; set; }

    public InstructionYaml? Instruction { get; set; }

    public List<InstructionYaml?>? AmendedBy { get; set; }

    public List<string>? Sources { get; set; }

    public Dictionary<string, ParameterYaml>? Parameters { get; set; }

    public List<RuleYaml?>? Rules { get; set; }
}

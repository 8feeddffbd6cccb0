namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>One <c>exemptions</c> entry of a rule.</summary>
internal sealed class ExemptionYaml
{
    public string? Sector { get; set; }

    public bool? SonsOrder { get; set; }

    public string? When { get; set; }

    public string? Is { get; set; }

    public bool? Relax { get; set; }
}

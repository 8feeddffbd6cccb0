namespace DuiConformance.SecondSut;

/// <summary>A person the second SUT looks after: the five INS traits, the identity status and, once INSi answered 00, the INS.</summary>
public sealed record Resident
{
    public required int Number { get; init; }
    public required string BirthName { get; init; }
    public required string GivenNames { get; init; }
    public required string Sex { get; init; }
    public required string BirthDate { get; init; }
    public required string BirthPlace { get; init; }

    /// <summary>PROV, VALI, RECUP or QUAL (RNIV status codes).</summary>
    public required string Status { get; init; }
    public string? Ins { get; init; }
    public string? InsOid { get; init; }
    public string GeneralPractitioner { get; init; } = "";
    public string Treatments { get; init; } = "";
    public string Directives { get; init; } = "";
    public string Allergies { get; init; } = "";

    /// <summary>True when the INS may be emitted in documents (status QUAL only).</summary>
    public bool Qualified => Status == "QUAL";
}

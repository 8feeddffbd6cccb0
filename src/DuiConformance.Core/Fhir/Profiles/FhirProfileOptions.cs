namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>How the profile checker judges beyond the profiles themselves.</summary>
/// <param name="InsMode">Which INS OIDs are acceptable.</param>
/// <param name="MaxDepth">Deepest nesting of profiles (bundle entry, extension, datatype) followed, against cycles.</param>
public sealed record FhirProfileOptions(InsMode InsMode = InsMode.Unspecified, int MaxDepth = 8)
{
    /// <summary>The defaults.</summary>
    public static FhirProfileOptions Default { get; } = new();
}

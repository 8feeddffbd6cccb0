namespace DuiConformance.ReferenceDui.Identity;

/// <summary>The wire codes (PROV, RECUP, VALI, QUAL) and French labels of <see cref="IdentityStatus"/>.</summary>
internal static class IdentityStatusCodes
{
    /// <summary>The status codes in the order the UI offers them.</summary>
    public static IReadOnlyList<IdentityStatus> All { get; } =
        [IdentityStatus.Provisoire, IdentityStatus.Recuperee, IdentityStatus.Validee, IdentityStatus.Qualifiee];

    /// <summary>The FR Core / RNIV code of a status.</summary>
    public static string Code(IdentityStatus status) => status switch
    {
        IdentityStatus.Provisoire => "PROV",
        IdentityStatus.Recuperee => "RECUP",
        IdentityStatus.Validee => "VALI",
        IdentityStatus.Qualifiee => "QUAL",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown IdentityStatus value."),
    };

    /// <summary>The French label shown in the UI, e.g. "Qualifiée (QUAL)".</summary>
    public static string Label(IdentityStatus status) => status switch
    {
        IdentityStatus.Provisoire => "Provisoire (PROV)",
        IdentityStatus.Recuperee => "Récupérée (RECUP)",
        IdentityStatus.Validee => "Validée (VALI)",
        IdentityStatus.Qualifiee => "Qualifiée (QUAL)",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown IdentityStatus value."),
    };

    /// <summary>Parses a wire code; false when the code is not one of PROV, RECUP, VALI, QUAL.</summary>
    public static bool TryParse(string? code, out IdentityStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = IdentityStatus.Provisoire;
        return false;
    }
}

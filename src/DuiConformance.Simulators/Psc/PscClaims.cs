namespace DuiConformance.Simulators.Psc;

/// <summary>Claim names and values of the tokens the simulated Pro Santé Connect issues.</summary>
public static class PscClaims
{
    /// <summary>Prefix of a professional's national id (idNatPs = 8 + RPPS, domain.md §5.1).</summary>
    public const string ProfessionalPrefix = "8";

    /// <summary>Prefix of a structure's national id (idNatSt = 1 + FINESS, domain.md §5.1).</summary>
    public const string OrganisationPrefix = "1";

    /// <summary>The scope PSC grants by default (<c>openid scope_all</c>, domain.md §5.3).</summary>
    public const string DefaultScope = "openid scope_all";

    /// <summary>The authentication level of a professional's token (<c>acr_values=eidas1</c>, domain.md §5.3).</summary>
    public const string ProfessionalAcr = "eidas1";

    /// <summary>Claim carrying the professional's national id, as in PSC's UserInfo.</summary>
    public const string SubjectNameId = "SubjectNameID";
}

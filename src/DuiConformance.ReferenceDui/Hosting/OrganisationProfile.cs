using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// Who the DUI speaks for, derived once from <see cref="ReferenceDuiSettings"/> and checked: the establishment
/// (name, FINESS, the OIDs it assigns), the professional who authors and signs documents, the INS OID in use, the
/// product identity and the defects switched on.
/// </summary>
internal sealed partial record OrganisationProfile
{
    /// <summary>OID of the national health-professional identifiers (RPPS/ADELI as idNatPs), ANS.</summary>
    public const string IdNatPsOid = "1.2.250.1.71.4.2.1";

    /// <summary>OID of the national structure identifiers (idNatSt, 1 + FINESS), ANS.</summary>
    public const string IdNatStOid = "1.2.250.1.71.4.2.2";

    /// <summary>INS-NIR OID in production.</summary>
    public const string InsNirOid = "1.2.250.1.213.1.4.8";

    /// <summary>INS-NIR OID for test identities.</summary>
    public const string InsNirTestOid = "1.2.250.1.213.1.4.10";

    public required string Name { get; init; }
    public required string Finess { get; init; }

    /// <summary>The establishment's own root OID (stable, derived from the FINESS); used as XDS/MHD sourceId.</summary>
    public required string Oid { get; init; }

    /// <summary>The OID under which the establishment assigns IPPs (patient identifiers).</summary>
    public string IppOid => Oid + ".1";

    /// <summary>The structure's national id: 1 followed by the FINESS (idNatSt).</summary>
    public string IdNatSt => "1" + Finess;

    public required string AuthorRpps { get; init; }

    /// <summary>The professional's national id: 8 followed by the RPPS number (idNatPs).</summary>
    public string AuthorIdNatPs => "8" + AuthorRpps;

    public required string AuthorFamily { get; init; }
    public required string AuthorGiven { get; init; }

    /// <summary>The INS-NIR OID qualified identities are sent with (test or production).</summary>
    public required string InsOid { get; init; }

    public required string ProductName { get; init; }
    public required string ProductVersion { get; init; }
    public required string ConvergenceProductReference { get; init; }
    public required string SenderAddress { get; init; }
    public required IReadOnlySet<string> Defects { get; init; }

    /// <summary>True when the named defect is switched on.</summary>
    public bool Has(string defect) => Defects.Contains(defect);

    /// <summary>Checks the settings and derives the profile.</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed; the message says which and why.</exception>
    public static OrganisationProfile From(ReferenceDuiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ReferenceDuiDefects.Validate(settings.Defects);
        if (string.IsNullOrWhiteSpace(settings.OrganisationName))
        {
            throw new ArgumentException("OrganisationName est vide.", nameof(settings));
        }

        if (!FinessRegex().IsMatch(settings.OrganisationFiness))
        {
            throw new ArgumentException(
                $"OrganisationFiness doit compter 9 caractères (département sur 2 caractères, dont 2A/2B, puis 7 chiffres) : « {settings.OrganisationFiness} ».",
                nameof(settings));
        }

        if (!RppsRegex().IsMatch(settings.AuthorRpps))
        {
            throw new ArgumentException($"AuthorRpps doit compter 11 chiffres : « {settings.AuthorRpps} ».", nameof(settings));
        }

        if (string.IsNullOrWhiteSpace(settings.AuthorFamily) || string.IsNullOrWhiteSpace(settings.AuthorGiven))
        {
            throw new ArgumentException("AuthorFamily et AuthorGiven sont obligatoires.", nameof(settings));
        }

        var insOid = settings.InsMode switch
        {
            "test" => InsNirTestOid,
            "production" => InsNirOid,
            _ => throw new ArgumentException($"InsMode doit valoir « test » ou « production » : « {settings.InsMode} ».", nameof(settings)),
        };

        if (string.IsNullOrWhiteSpace(settings.SenderAddress) || !settings.SenderAddress.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"SenderAddress n'est pas une adresse de messagerie : « {settings.SenderAddress} ».", nameof(settings));
        }

        return new OrganisationProfile
        {
            Name = settings.OrganisationName,
            Finess = settings.OrganisationFiness,
            Oid = Oids.FromName("duiconformance:organisation:finess:" + settings.OrganisationFiness),
            AuthorRpps = settings.AuthorRpps,
            AuthorFamily = settings.AuthorFamily,
            AuthorGiven = settings.AuthorGiven,
            InsOid = insOid,
            ProductName = settings.ProductName,
            ProductVersion = settings.ProductVersion,
            ConvergenceProductReference = settings.ConvergenceProductReference,
            SenderAddress = settings.SenderAddress,
            Defects = settings.Defects.ToHashSet(StringComparer.Ordinal),
        };
    }

    [GeneratedRegex(@"^(\d{2}|2[AB])\d{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex FinessRegex();

    [GeneratedRegex(@"^\d{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex RppsRegex();
}

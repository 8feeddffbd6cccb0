using System.Security.Cryptography;

namespace DuiConformance.Core.Proof;

/// <summary>
/// The version of the requirement catalogue and rule set a run was judged with: <c>sha256:</c> and the first 16 hex
/// digits of the SHA-256 over the files' bytes in order. It changes whenever a requirement or a rule changes, so a
/// GRADeS accepts exactly the catalogues it has reviewed.
/// </summary>
public static class CatalogueVersion
{
    /// <summary>The version of the given files (e.g. requirements.csv then the campaign's rule set).</summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static string Of(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            hash.AppendData(File.ReadAllBytes(path));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// The version of the repository's catalogue for a campaign: every <c>requirements/*.csv</c> (ordinal name order,
    /// the order is part of the version) then <c>eligibility/&lt;campaign&gt;.yaml</c>.
    /// </summary>
    public static string ForCampaign(string campaign) =>
        Of([
            .. Directory.EnumerateFiles(RepositoryLayout.Profile("requirements"), "*.csv").Order(StringComparer.Ordinal),
            RepositoryLayout.Profile("eligibility", campaign + ".yaml"),
        ]);
}

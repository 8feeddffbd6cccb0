using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Core.Proof;

/// <summary>
/// The editor certificates a GRADeS trusts to sign installation proofs: a signer is trusted when its certificate is
/// one of them (pinned) or chains to one of them taken as a root. Decisions are cached per certificate, since a batch
/// holds thousands of bundles signed by a handful of editors.
/// </summary>
public sealed class ProofTrustStore
{
    private readonly X509Certificate2Collection _certificates;
    private readonly HashSet<string> _pinned;
    private readonly ConcurrentDictionary<string, bool> _decisions = new(StringComparer.Ordinal);

    /// <summary>A store of the given certificates.</summary>
    public ProofTrustStore(IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        _certificates = [.. certificates];
        _pinned = [.. _certificates.Select(Fingerprint)];
    }

    /// <summary>The number of trusted certificates.</summary>
    public int Count => _certificates.Count;

    /// <summary>An empty store: every signature is untrusted.</summary>
    public static ProofTrustStore Empty { get; } = new([]);

    /// <summary>Loads every certificate of the <c>*.pem</c>, <c>*.crt</c> and <c>*.cer</c> PEM files of a folder.</summary>
    /// <exception cref="InvalidDataException">The folder is missing, a file holds no PEM certificate, or none was found; the message names the file.</exception>
    public static ProofTrustStore LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"magasin de confiance introuvable : {folder}");
        }

        var certificates = new List<X509Certificate2>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(IsCertificateFile).Order(StringComparer.Ordinal))
        {
            var collection = new X509Certificate2Collection();
            try
            {
                collection.ImportFromPemFile(path);
            }
            catch (CryptographicException exception)
            {
                throw new InvalidDataException($"{path} : certificat PEM illisible : {exception.Message}", exception);
            }

            if (collection.Count == 0)
            {
                throw new InvalidDataException($"{path} : aucun certificat PEM (« -----BEGIN CERTIFICATE----- ») dans ce fichier.");
            }

            certificates.AddRange(collection);
        }

        if (certificates.Count == 0)
        {
            throw new InvalidDataException($"magasin de confiance vide : aucun fichier .pem, .crt ou .cer dans {folder}");
        }

        return new ProofTrustStore(certificates);
    }

    /// <summary>
    /// True when <paramref name="signer"/> is a trusted certificate or chains to one (validity dates are not judged
    /// here: the verifier checks them at the signing time).
    /// </summary>
    public bool IsTrusted(X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return _decisions.GetOrAdd(Fingerprint(signer), _ => Decide(signer));
    }

    private bool Decide(X509Certificate2 signer)
    {
        if (_pinned.Contains(Fingerprint(signer)))
        {
            return true;
        }

        if (_certificates.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_certificates);
        chain.ChainPolicy.ExtraStore.AddRange(_certificates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        // Note: dates are judged against the signing time by the verifier, with their own reason code (PROOF-7009).
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreCtlNotTimeValid;
        return chain.Build(signer);
    }

    private static string Fingerprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    private static bool IsCertificateFile(string path) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cer", StringComparison.OrdinalIgnoreCase);
}

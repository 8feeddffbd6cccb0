using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Signs a bundle's manifest with the editor's certificate: a detached CMS SignedData (RFC 5652) with SHA-256, the
/// signer's certificate included, and the signing time as a signed attribute (RFC 5652 §11.3).
/// </summary>
public static class ProofSigner
{
    /// <summary>OID of SHA-256, the only digest a bundle signature may use.</summary>
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>OID of the CMS id-data content type (RFC 5652 §4).</summary>
    public const string DataOid = "1.2.840.113549.1.7.1";

    /// <summary>Loads the editor's signing certificate and its private key from PEM files.</summary>
    /// <exception cref="InvalidDataException">A file is not PEM, the key does not match the certificate, or the key is not RSA or ECDSA; the message names the file.</exception>
    public static X509Certificate2 LoadPem(string certificatePath, string keyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidDataException($"{keyPath} : pas de clé privée pour le certificat {certificatePath}.");
            }

            return certificate;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new InvalidDataException($"certificat {certificatePath} ou clé {keyPath} illisible, ou clé ne correspondant pas au certificat : {exception.Message}", exception);
        }
    }

    /// <summary>The DER bytes of a detached CMS signature over <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The exact bytes of manifest.json.</param>
    /// <param name="certificate">The signer's certificate, with its private key.</param>
    /// <param name="signingTime">The signing time to assert (UTC).</param>
    public static byte[] Sign(byte[] manifest, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(certificate);
        var signedCms = new SignedCms(new ContentInfo(new Oid(DataOid), manifest), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signedCms.ComputeSignature(signer, silent: true);
        return signedCms.Encode();
    }
}

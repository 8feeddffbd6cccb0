using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Verifies the detached CMS signature of a bundle over its manifest (RFC 5652): exactly one signer, SHA-256, the
/// id-data content type, a signing time, a signature that verifies, a certificate valid at the signing time and
/// trusted by the store.
/// </summary>
public static class ProofSignatureCheck
{
    /// <summary>The signer and signing time found, and the rejections (empty when the signature is good).</summary>
    public static (string? Signer, DateTimeOffset? SignedAt, IReadOnlyList<ProofRejection> Rejections) Verify(byte[] manifest, byte[] signature, ProofTrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(trustStore);
        try
        {
            return VerifyDecoded(manifest, signature, trustStore);
        }
        catch (CryptographicException exception)
        {
            // Note: a tampered certificate inside the signature may decode and still fail later (a validity date
            // that is not a date, say): hostile input gets a rejection, never a crash (DESIGN.md §6).
            return (null, null, [ProofFindings.SignatureInvalid.With($"signature ou certificat du signataire illisible : {exception.Message}")]);
        }
    }

    private static (string? Signer, DateTimeOffset? SignedAt, IReadOnlyList<ProofRejection> Rejections) VerifyDecoded(byte[] manifest, byte[] signature, ProofTrustStore trustStore)
    {
        var signedCms = new SignedCms(new ContentInfo(new Oid(ProofSigner.DataOid), manifest), detached: true);
        try
        {
            signedCms.Decode(signature);
        }
        catch (CryptographicException exception)
        {
            return (null, null, [ProofFindings.SignatureInvalid.With($"manifest.json.p7s n'est pas une signature CMS décodable : {exception.Message}")]);
        }

        if (signedCms.Version != 1 || signedCms.SignerInfos.Count != 1 || signedCms.ContentInfo.ContentType.Value != ProofSigner.DataOid)
        {
            return (null, null, [ProofFindings.SignatureInvalid.With("structure CMS inattendue (version, nombre de signataires ou type de contenu)")]);
        }

        if (!DigestAlgorithmsAreSha256Only(signature))
        {
            return (null, null, [ProofFindings.SignatureInvalid.With("la signature doit annoncer exactement SHA-256 et un contenu détaché de type id-data")]);
        }

        var signerInfo = signedCms.SignerInfos[0];
        var certificate = signerInfo.Certificate;
        if (certificate is null || signerInfo.Version != 1 || signerInfo.DigestAlgorithm.Value != ProofSigner.Sha256Oid || signedCms.Certificates.Count != 1)
        {
            return (null, null, [ProofFindings.SignatureInvalid.With("la signature doit porter un seul certificat de signataire et l'empreinte SHA-256")]);
        }

        var subject = certificate.Subject;
        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException exception)
        {
            return (subject, null, [ProofFindings.SignatureInvalid.With($"la signature ne correspond pas à manifest.json : {exception.Message}")]);
        }

        var signingTime = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(attribute => attribute.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(time => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(time.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();
        // Note: without a time-stamp token (RFC 3161) the signing time is the signer's own claim; the verifier also
        // requires it after the end of the run, not in the future and inside the campaign window (PROOF-7013).
        var rejections = new List<ProofRejection>();
        if (signingTime is null)
        {
            rejections.Add(ProofFindings.CertificateNotValidAtSigning.With("la signature ne porte pas de date de signature (attribut signingTime)"));
        }
        else if (signingTime < certificate.NotBefore.ToUniversalTime() || signingTime > certificate.NotAfter.ToUniversalTime())
        {
            rejections.Add(ProofFindings.CertificateNotValidAtSigning.With(
                $"signé le {signingTime:yyyy-MM-dd HH:mm:ss} UTC, hors de la validité du certificat ({certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} – {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})"));
        }

        if (!trustStore.IsTrusted(certificate))
        {
            rejections.Add(ProofFindings.UntrustedSigner.With($"certificat « {subject} » (empreinte SHA-256 {certificate.GetCertHashString(HashAlgorithmName.SHA256)}) absent du magasin de confiance"));
        }

        // Note: the decoder accepts BER (RFC 5652 §1.2), so a BER re-encoding of the same signature (long-form lengths,
        // say) would still verify; bundles are written in DER, and a file that does not round-trip was altered.
        if (!signature.AsSpan().SequenceEqual(signedCms.Encode()))
        {
            rejections.Add(ProofFindings.SignatureInvalid.With("manifest.json.p7s n'est pas un encodage DER canonique de la signature"));
        }

        return (subject, signingTime, rejections);
    }

    // Note: SignedData.digestAlgorithms (RFC 5652 §5.1) is outside the signed attributes and the decoder does not
    // compare it with the signer's algorithm, so an altered entry would go unnoticed; read it and require {SHA-256},
    // then a detached id-data encapsulated content.
    private static bool DigestAlgorithmsAreSha256Only(byte[] signature)
    {
        try
        {
            var contentInfo = new AsnReader(signature, AsnEncodingRules.DER).ReadSequence();
            contentInfo.ReadObjectIdentifier();
            var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadSequence();
            signedData.ReadInteger();
            var digestAlgorithms = signedData.ReadSetOf();
            var count = 0;
            while (digestAlgorithms.HasData)
            {
                var algorithm = digestAlgorithms.ReadSequence();
                if (algorithm.ReadObjectIdentifier() != ProofSigner.Sha256Oid)
                {
                    return false;
                }

                count++;
            }

            // Note: eContentType (RFC 5652 §5.2) is not compared with the content-type attribute by the decoder either.
            var encapsulated = signedData.ReadSequence();
            return count == 1 && encapsulated.ReadObjectIdentifier() == ProofSigner.DataOid && !encapsulated.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}

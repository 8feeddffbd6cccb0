using DuiConformance.Core.Organisations;
using System.Security.Cryptography.X509Certificates;
using DuiConformance.Core.Proof;

namespace DuiConformance.Cli.Running;

/// <summary>
/// The <c>run --proof</c> step: checks the proof options before anything starts, then bundles the finished run into
/// <c>proof.zip</c> beside the report (domain.md §6, §8.7 FIN-01).
/// </summary>
public static class ProofRunStep
{
    /// <summary>
    /// Validates the proof options and loads the signing certificate; null when no proof is asked or it is unsigned.
    /// </summary>
    /// <exception cref="UsageException">--proof without a valid --finess, half a key pair, or unreadable PEM files.</exception>
    public static X509Certificate2? Prepare(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Proof)
        {
            if (options.Finess is not null || options.SignCertificatePath is not null || options.SignKeyPath is not null || options.SegurId is not null)
            {
                throw new UsageException("--finess, --sign-cert, --sign-key et --segur-id ne servent qu'avec --proof.");
            }

            return null;
        }

        if (options.Finess is null)
        {
            throw new UsageException("--proof exige --finess <FINESS géographique de l'ESSMS>.");
        }

        if (FinessValidator.Validate(options.Finess) is { } error)
        {
            throw new UsageException($"--finess : {error}.");
        }

        if ((options.SignCertificatePath is null) != (options.SignKeyPath is null))
        {
            throw new UsageException("--sign-cert et --sign-key vont ensemble (le certificat PEM et sa clé privée PEM).");
        }

        if (options.SignCertificatePath is null)
        {
            return null;
        }

        foreach (var path in new[] { options.SignCertificatePath, options.SignKeyPath! })
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"fichier introuvable : {Path.GetFullPath(path)}");
            }
        }

        try
        {
            return ProofSigner.LoadPem(options.SignCertificatePath, options.SignKeyPath!);
        }
        catch (InvalidDataException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary>Writes proof.zip into <paramref name="outputDirectory"/>; returns the line to print.</summary>
    public static async Task<string> WriteAsync(RunOptions options, string outputDirectory, X509Certificate2? signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var written = await ProofBundleWriter.WriteAsync(
            new ProofBundleRequest
            {
                RunDirectory = outputDirectory,
                Finess = options.Finess!,
                SegurReferencingId = options.SegurId,
                CatalogueVersion = CatalogueVersion.ForCampaign(options.Campaign),
                SigningCertificate = signer,
            },
            cancellationToken).ConfigureAwait(false);
        var state = signer is null ? "NON SIGNÉ (aucune clé fournie)" : $"signé par « {signer.Subject} »";
        return $"Preuve d'installation SONS : {written.Path} ({written.FileCount} fichiers, FINESS {options.Finess}, {state})";
    }
}

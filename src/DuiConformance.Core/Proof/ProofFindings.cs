using System.Reflection;

namespace DuiConformance.Core.Proof;

/// <summary>
/// The catalogue of rejection reasons for SONS installation proof bundles (band <c>PROOF-7xxx</c>, domain.md §6 and
/// §8.7 FIN-01). Codes are permanent; a retired one is marked obsolete and never reused.
/// </summary>
public static class ProofFindings
{
    /// <summary>The file is not a readable zip archive, or breaks a safety limit (size, entry count, unsafe or duplicate path).</summary>
    public static readonly ProofReason Unreadable = new("PROOF-7001", "Lot de preuve illisible ou hors limites de sécurité");

    /// <summary>manifest.json is missing or malformed.</summary>
    public static readonly ProofReason ManifestInvalid = new("PROOF-7002", "Manifeste absent ou mal formé");

    /// <summary>A file's SHA-256 or size differs from the manifest.</summary>
    public static readonly ProofReason HashMismatch = new("PROOF-7003", "Empreinte SHA-256 d'un fichier différente du manifeste");

    /// <summary>A file listed by the manifest is not in the bundle.</summary>
    public static readonly ProofReason MissingFile = new("PROOF-7004", "Fichier du manifeste absent du lot");

    /// <summary>The bundle holds a file the manifest does not list.</summary>
    public static readonly ProofReason ExtraFile = new("PROOF-7005", "Fichier présent dans le lot mais absent du manifeste");

    /// <summary>The bundle has no signature (manifest.json.p7s).</summary>
    public static readonly ProofReason Unsigned = new("PROOF-7006", "Lot non signé");

    /// <summary>The CMS signature does not decode or does not verify over manifest.json.</summary>
    public static readonly ProofReason SignatureInvalid = new("PROOF-7007", "Signature CMS invalide");

    /// <summary>The signer's certificate is not in, and does not chain to, the trust store of editor certificates.</summary>
    public static readonly ProofReason UntrustedSigner = new("PROOF-7008", "Certificat de signature non reconnu par le magasin de confiance");

    /// <summary>The signer's certificate was not valid at the signing time (expired or not yet valid), or the signing time is missing.</summary>
    public static readonly ProofReason CertificateNotValidAtSigning = new("PROOF-7009", "Certificat de signature non valide à la date de signature");

    /// <summary>metadata.json is missing, malformed, or contradicts report.json.</summary>
    public static readonly ProofReason MetadataInvalid = new("PROOF-7010", "Métadonnées absentes, mal formées ou incohérentes");

    /// <summary>The FINESS number of the bundle is malformed or has a wrong key.</summary>
    public static readonly ProofReason FinessInvalid = new("PROOF-7011", "Numéro FINESS invalide");

    /// <summary>The FINESS number is valid but not among the ESSMS expected for the project.</summary>
    public static readonly ProofReason FinessUnexpected = new("PROOF-7012", "ESSMS non attendu dans le projet");

    /// <summary>A date of the bundle (run, bundling, signature) falls outside the campaign window, in the future, or out of order.</summary>
    public static readonly ProofReason DateOutOfWindow = new("PROOF-7013", "Date hors de la fenêtre de campagne ou incohérente");

    /// <summary>A requirement the installation-proof rule needs is not <c>pass</c> in report.json.</summary>
    public static readonly ProofReason RequirementNotPassed = new("PROOF-7014", "Exigence de la preuve d'installation non satisfaite");

    /// <summary>report.json is missing or is not a DuiConformance report.</summary>
    public static readonly ProofReason ReportInvalid = new("PROOF-7015", "Rapport report.json absent ou illisible");

    /// <summary>The same evidence bytes (same SHA-256) appear in bundles of two different ESSMS.</summary>
    public static readonly ProofReason EvidenceReused = new("PROOF-7016", "Preuve réutilisée pour un autre ESSMS");

    /// <summary>The bundle was produced by a harness version the verification does not accept.</summary>
    public static readonly ProofReason ToolVersionRejected = new("PROOF-7017", "Version de l'outil non acceptée");

    /// <summary>The bundle was judged against a requirement catalogue version the verification does not accept.</summary>
    public static readonly ProofReason CatalogueVersionRejected = new("PROOF-7018", "Version du catalogue d'exigences non acceptée");

    /// <summary>An ESSMS expected by the project CSV has no bundle.</summary>
    public static readonly ProofReason BundleMissing = new("PROOF-7019", "Aucun lot de preuve pour un ESSMS attendu");

    /// <summary>Two bundles claim the same FINESS.</summary>
    public static readonly ProofReason DuplicateFiness = new("PROOF-7020", "Plusieurs lots pour le même FINESS");

    /// <summary>Every reason, in code order.</summary>
    public static IReadOnlyList<ProofReason> All { get; } =
    [
        .. typeof(ProofFindings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ProofReason))
            .Select(field => (ProofReason)field.GetValue(null)!)
            .OrderBy(reason => reason.Code, StringComparer.Ordinal),
    ];

    /// <summary>The reason of a code, or <c>null</c> when unknown.</summary>
    public static ProofReason? Find(string code) => All.FirstOrDefault(reason => string.Equals(reason.Code, code, StringComparison.Ordinal));
}

using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 Provide Document Bundle: transaction structure (DUI-DMP-01).</summary>
public sealed class Iti65BundleCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.bundle",
        TitleFr: "ITI-65 : structure du Bundle transaction",
        TitleEn: "ITI-65: transaction Bundle structure",
        Verifies: [RequirementIds.Dmp01],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Pour chaque requête ITI-65 reçue par le simulateur PDSm :
            - `POST [base]` (racine du serveur FHIR) ;
            - un `Bundle` de `type` `transaction` ;
            - exactement une `List` SubmissionSet (reconnue par son profil, `List.code` `submissionset` ou l'extension
              `ihe-sourceId`) ;
            - au moins une `DocumentReference` ;
            - chaque `content.attachment.url` est une référence `urn:uuid:` vers le `fullUrl` d'un `Binary` du Bundle ;
            - chaque entrée a `request.method` = `POST` ; seule exception, dans un Bundle de remplacement (une
              DocumentReference avec `relatesTo.code` = `replaces`), un `PATCH` sur `DocumentReference…` qui passe
              l'ancienne version à `superseded` (exemple PDSm de remplacement, PDSm4DMP TD2.1).

            Un Binary non référencé et les problèmes de l'analyseur FHIR sont signalés en avertissement.
            Source : PDSm, ITI-65 Comprehensive Provide Document Bundle (domain.md §3.4, §8.4 **PDSM-01**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65CheckRunner.Run(evidence, Iti65BundleRules.Check);
}

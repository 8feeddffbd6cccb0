using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INSi: mutual TLS authentication (DUI-INS-07).</summary>
public sealed class InsiMutualTlsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.insi.mutual-tls",
        TitleFr: "INSi : authentification TLS mutuelle",
        TitleEn: "INSi: mutual TLS authentication",
        Verifies: [InsRequirementIds.Ins07],
        Inputs: [EvidenceKinds.InsiRequest],
        Description: """
            Chaque appel INSi arrive sur une connexion TLS où le DUI a présenté le certificat d'organisation émis par l'autorité
            de test du simulateur (fait enregistré par le simulateur).

            Source : domain.md §2.2, §8.1 **INS-07**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsiRequestRules.MutualTls(evidence);
}

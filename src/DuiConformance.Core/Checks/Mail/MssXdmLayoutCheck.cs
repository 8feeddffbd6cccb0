using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>IHE_XDM.ZIP layout and integrity (DUI-MSS-04).</summary>
public sealed class MssXdmLayoutCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.xdm.layout",
        TitleFr: "MSSanté : structure et intégrité de IHE_XDM.ZIP",
        TitleEn: "MSSanté: IHE_XDM.ZIP layout and integrity",
        Verifies: [RequirementIds.Mss04],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque pièce jointe XDM (ignoré si aucun message n'en porte) :
            - nommée `IHE_XDM.ZIP` (casse indifférente) ; archive lue sous limites (nombre d'entrées, 50 Mio décompressés,
              taux de compression), chemins `..` ou absolus refusés ;
            - `INDEX.HTM` et `README.TXT` à la racine ;
            - au moins un `IHE_XDM/<sous-ensemble>/METADATA.XML` (nom de sous-ensemble libre) qui est un
              `lcm:SubmitObjectsRequest` ebRIM 3.0 ;
            - le slot `URI` de chaque `ExtrinsicObject` désigne un fichier de l'archive (relatif au sous-ensemble, ou à
              `IHE_XDM/` comme dans l'exemple ANS DRIM-M) ; les slots `hash` (SHA-1 hexadécimal) et `size` sont égaux à
              ceux du fichier.

            Source : Volet Echange de documents de santé / IHE XDM (domain.md §4.3, §8.5 **MSS-09**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(
        evidence,
        XdmLayoutRules.Check,
        "Aucun message ne porte de pièce jointe IHE_XDM.ZIP : structure XDM non vérifiable.");
}

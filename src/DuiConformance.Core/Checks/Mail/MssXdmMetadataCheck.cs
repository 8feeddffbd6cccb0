using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>METADATA.XML of IHE_XDM.ZIP: ebRIM SubmitObjectsRequest with CI-SIS conforming metadata (DUI-MSS-05).</summary>
public sealed class MssXdmMetadataCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.xdm.metadata",
        TitleFr: "MSSanté : métadonnées XDS de METADATA.XML (IHE_XDM.ZIP)",
        TitleEn: "MSSanté: XDS metadata of METADATA.XML (IHE_XDM.ZIP)",
        Verifies: [MssRequirementIds.Mss05],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque pièce jointe `IHE_XDM.ZIP` (ignoré si aucun message n'en porte), chaque
            `IHE_XDM/<sous-ensemble>/METADATA.XML` (absent : échec) :
            - est un `lcm:SubmitObjectsRequest` ebRIM 3.0 avec `rim:RegistryObjectList` ;
            - contient exactement un `RegistryPackage` classé SubmissionSet (`urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd`)
              avec submissionTime, uniqueId (OID), sourceId (OID), patientId et contentTypeCode ;
            - au moins un DocumentEntry (`ExtrinsicObject` d'objectType `urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1`),
              chacun cible d'une association HasMember depuis le SubmissionSet ;
            - chaque DocumentEntry porte classCode, typeCode, formatCode, confidentialityCode, practiceSettingCode,
              healthcareFacilityTypeCode (avec codingScheme), creationTime, serviceStartTime, languageCode,
              sourcePatientId, legalAuthenticator, hash, size, URI, titre, uniqueId, patientId et un auteur avec
              authorInstitution (DMP-04) ; authorPerson en XCN (`&1.2.250.1.71.4.2.1&ISO` + IDNPS, ou identifiant
              local avec son OID) et authorInstitution en XON `…^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^idNatSt` (DMP-06) ;
              confidentialityCode avec N (`2.16.840.1.113883.5.25`), autres codes de TRE_A07 seulement (DMP-08) ;
            - l'URI désigne un fichier du sous-ensemble, dont le SHA-1 et la taille sont ceux des slots hash et size (DMP-07) ;
            - pour un CDA : mimeType `text/xml`, uniqueId = id du CDA, patientId = INS du recordTarget au format
              `INS^^^&1.2.250.1.213.1.4.(8|9|10|11)&ISO^NH` (ou, sans INS, un id du recordTarget) et identique à celui du
              SubmissionSet (DMP-03, DMP-05), typeCode = code, creationTime = effectiveTime et serviceStartTime = début
              de serviceEvent (en UTC), languageCode, healthcareFacilityTypeCode et practiceSettingCode = ceux du CDA.

            Source : IHE ITI TF-3 §4.2.3 / XDM, mapping CI-SIS CDA → XDS (domain.md §3.3, §4.3, §8.3 DMP-03…08,
            §8.5 **MSS-10**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(
        evidence,
        XdmMetadataRules.Check,
        "Aucun message ne porte de pièce jointe IHE_XDM.ZIP : métadonnées XDM non vérifiables.");
}

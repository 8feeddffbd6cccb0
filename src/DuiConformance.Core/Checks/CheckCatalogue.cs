using DuiConformance.Core.Checks.Cda;
using DuiConformance.Core.Checks.Fhir;
using DuiConformance.Core.Checks.Ins;
using DuiConformance.Core.Checks.Mail;

namespace DuiConformance.Core.Checks;

/// <summary>
/// The conformance checks, in report order: CDA content, then the PDSm (ITI-65) channel, then the MSSanté channel.
/// Ids are permanent; a new check is appended in its group.
/// </summary>
public static class CheckCatalogue
{
    /// <summary>Every check, in report order.</summary>
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new CdaHeaderRealmTypeIdCheck(),
        new CdaHeaderTemplateIdsCheck(),
        new CdaHeaderIdentificationCheck(),
        new CdaHeaderParticipantsCheck(),
        new CdaDluVoletCheck(),
        new Iti65BundleCheck(),
        new Iti65DocumentReferenceCheck(),
        new Iti65AttachmentIntegrityCheck(),
        new MssHeaderNilCheck(),
        new MssHeaderCdaInsCheck(),
        new MssMessageRfc5322Check(),
        new MssXdmLayoutCheck(),
        new SmtpTlsBeforeAuthCheck(),
        new InsMatriculeKeyCheck(),
        new InsOidModeCheck(),
        new InsQualifiedOnlyCheck(),
        new InsTraitsInsiCheck(),
        new InsFirstGivenNameCheck(),
        new InsiRequestCheck(),
        new InsiMutualTlsCheck(),
        new InsiTraitsCheck(),
        new InsNoSingleAnswerCheck(),
        new InsVerificationNotOverwrittenCheck(),
        new InsFhirPatientCheck(),
        new MailPscTokenAuthCheck(),
        new Iti65ContextValueSetsCheck(),
        new Iti65SecurityLabelCheck(),
        new Iti65SubmissionSetCheck(),
        new Iti65ProfileValidationCheck(),
        new Iti67SearchCriteriaCheck(),
        new MetadataPatchCheck(),
        new ReplacementCheck(),
        new DmpFeedingStatusCheck(),
        new MssReadReceiptCheck(),
        new MssDeliveryReceiptCheck(),
        new MssPatientMailboxCheck(),
        new MssRestrictionsCheck(),
        new ImapTlsBeforeAuthCheck(),
        new MailTokenRevocationCheck(),
        new MssXdmMetadataCheck(),
        new MssSizeLimitCheck(),
        new DmpErrorSurfacedCheck(),
        new Iti105SimplifiedPublishCheck(),
    ];

    /// <summary>The check with id <paramref name="id"/>, or <c>null</c>.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(check => string.Equals(check.Definition.Id, id, StringComparison.Ordinal));
}

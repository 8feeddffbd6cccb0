using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// Visibility restrictions honoured on MSSanté (domain.md §3.5, §8.5 MSS-11): a document whose confidentiality codes
/// (XDS <c>confidentialityCode</c> classifications of the XDM METADATA.XML, or the CDA <c>confidentialityCode</c>)
/// include <c>MASQUE_PS</c> never goes to a professional mailbox, and one with <c>INVISIBLE_PATIENT</c> never to a
/// <c>@patient.mssante.fr</c> mailbox. Recipients are the envelope recipients the operator recorded.
/// </summary>
public static class MssRestrictionRules
{
    /// <summary>Hidden from health professionals (TRE_A07-StatutVisibiliteDocument).</summary>
    public const string MaskedFromProfessionals = "MASQUE_PS";

    /// <summary>Not visible to the patient (TRE_A07-StatutVisibiliteDocument).</summary>
    public const string InvisibleToPatient = "INVISIBLE_PATIENT";

    /// <summary>XDS classification scheme of DocumentEntry.confidentialityCode (IHE ITI TF-3 §4.2.3.2.5).</summary>
    public const string ConfidentialityScheme = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";

    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static readonly XNamespace V3 = "urn:hl7-org:v3";

    /// <summary>Restriction findings for one message, or <c>null</c> when it carries no XDM package.</summary>
    public static IReadOnlyList<Finding>? Check(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message is null)
        {
            return null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var judged = false;
        foreach (var attachment in message.AttachmentsNamed(MailMessageReader.XdmFileName))
        {
            if (MailMessageReader.Decode(attachment, out _) is not { } bytes)
            {
                continue;
            }

            judged = true;
            var package = XdmPackageReader.Read(bytes);
            foreach (var metadata in package.Metadata)
            {
                if (SafeXml.TryLoad(metadata.Content, out _) is { } xml)
                {
                    codes.UnionWith(xml.Descendants(Rim + "Classification")
                        .Where(c => string.Equals((string?)c.Attribute("classificationScheme"), ConfidentialityScheme, StringComparison.Ordinal))
                        .Select(c => (string?)c.Attribute("nodeRepresentation") ?? string.Empty));
                }
            }

            foreach (var document in package.XmlDocuments)
            {
                if (SafeXml.TryLoad(document.Content, out _) is { Root: { } root } && root.Name == V3 + "ClinicalDocument")
                {
                    codes.UnionWith(root.Elements(V3 + "confidentialityCode").Select(c => (string?)c.Attribute("code") ?? string.Empty));
                }
            }
        }

        if (!judged)
        {
            return null;
        }

        var findings = new List<Finding>();
        var recipients = (item.Property(SmtpProperties.RcptTo) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var recipient in recipients)
        {
            var patient = MssPatientRules.IsPatientAddress(recipient);
            if (patient && codes.Contains(InvisibleToPatient))
            {
                findings.Add(XdmFindings.InvisibleDocumentToPatient.At(new FindingLocation(item.Id, MailMessageReader.XdmFileName),
                    $"Document marqué {InvisibleToPatient} envoyé à la messagerie citoyenne <{recipient}> : il ne doit pas être visible du patient (domain.md §3.5)."));
            }

            if (!patient && codes.Contains(MaskedFromProfessionals))
            {
                findings.Add(XdmFindings.MaskedDocumentToProfessional.At(new FindingLocation(item.Id, MailMessageReader.XdmFileName),
                    $"Document marqué {MaskedFromProfessionals} envoyé à la BAL professionnelle <{recipient}> : il est masqué aux professionnels (domain.md §3.5)."));
            }
        }

        return findings;
    }
}

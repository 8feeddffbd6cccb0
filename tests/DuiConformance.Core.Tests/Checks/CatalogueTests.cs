using System.Reflection;
using System.Text.RegularExpressions;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>The finding and check catalogues stay unique, banded and tied to requirements (STYLE.md rules 11 and 17).</summary>
public sealed class CatalogueTests
{
    private static readonly Dictionary<Type, string> Bands = new()
    {
        [typeof(CdaFindings)] = "CDA-1",
        [typeof(XdmFindings)] = "XDM-2",
        [typeof(MailFindings)] = "SMTP-3",
        [typeof(FhirFindings)] = "FHIR-5",
        [typeof(InsFindings)] = "INS-7",
        [typeof(SmtpTokenFindings)] = "SMTP-3",
        [typeof(ImapSecurityFindings)] = "IMAP-4",
        [typeof(FhirProfileFindings)] = "FHIR-5",
        [typeof(DmpFindings)] = "FHIR-5",
        [typeof(ImapFindings)] = "IMAP-4",
        [typeof(SmtpTokenRevocationFindings)] = "SMTP-3",
        [typeof(ImapTokenRevocationFindings)] = "IMAP-4",
        [typeof(SmtpSizeFindings)] = "SMTP-3",
        [typeof(PdsmFindings)] = "FHIR-5",
    };

    private static readonly IReadOnlyList<string> KnownRequirements = [.. RequirementIds.All, .. InsRequirementIds.All, .. MailSecurityRequirementIds.All, .. DmpRequirementIds.All, .. MssRequirementIds.All];

    [Test]
    public void Finding_codes_are_unique()
    {
        var codes = FindingCatalogue.All.Select(definition => definition.Code).ToList();
        codes.ShouldNotBeEmpty();
        codes.ShouldBeUnique();
    }

    [Test]
    public void Finding_codes_are_banded_by_area()
    {
        foreach (var (area, band) in Bands)
        {
            var definitions = area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(FindingDefinition))
                .Select(field => (FindingDefinition)field.GetValue(null)!)
                .ToList();
            definitions.ShouldNotBeEmpty(area.Name);
            definitions.ShouldAllBe(definition => Regex.IsMatch(definition.Code, "^" + band + "[0-9]{3}$"), area.Name);
        }

        FindingCatalogue.Areas.ShouldBe(Bands.Keys, ignoreOrder: true);
    }

    [Test]
    public void Every_finding_is_titled_and_bears_on_known_requirements()
    {
        foreach (var definition in FindingCatalogue.All)
        {
            definition.Title.ShouldNotBeNullOrWhiteSpace(definition.Code);
            definition.Requirements.ShouldNotBeEmpty(definition.Code);
            definition.Requirements.ShouldAllBe(requirement => KnownRequirements.Contains(requirement), definition.Code);
        }
    }

    [Test]
    public void Catalogue_fields_are_static_readonly()
    {
        foreach (var area in FindingCatalogue.Areas)
        {
            area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(FindingDefinition))
                .ShouldAllBe(field => field.IsInitOnly, area.Name);
        }
    }

    [Test]
    public void Check_catalogue_lists_the_checks_in_order_with_unique_ids()
    {
        CheckCatalogue.All.Select(check => check.Definition.Id).ShouldBe(
        [
            "cda.header.realm-typeid", "cda.header.template-ids", "cda.header.identification", "cda.header.participants",
            "cda.dlu.volet", "fhir.iti65.bundle", "fhir.iti65.document-reference", "fhir.iti65.attachment-integrity",
            "mss.header.nil", "mss.header.cda-ins", "mss.message.rfc5322", "mss.xdm.layout", "mss.smtp.tls-before-auth",
            "ins.matricule.key", "ins.oid.mode", "ins.emission.qualified-only", "ins.traits.insi", "ins.given-name.first",
            "ins.insi.request", "ins.insi.mutual-tls", "ins.insi.traits", "ins.insi.no-single-answer",
            "ins.verification.not-overwritten", "ins.fhir.patient-ins", "mss.auth.psc-token",
            "fhir.iti65.context-value-sets", "fhir.iti65.security-label", "fhir.iti65.submission-set", "fhir.iti65.profile-validation",
            "fhir.iti67.search-criteria", "fhir.metadata-update.patch", "fhir.iti65.replacement", "dmp.feeding.status",
            "mss.receipt.read-requested", "mss.receipt.delivery-requested", "mss.patient.mailbox", "mss.xdm.restrictions",
            "mss.imap.tls-before-auth", "mss.auth.token-revocation", "mss.xdm.metadata",
            "mss.size-limit", "dmp.error-surfaced", "fhir.iti105.simplified-publish",
        ]);
    }

    [Test]
    public void Every_check_is_fully_described_and_verifies_only_brief_requirements()
    {
        string[] kinds = [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage, EvidenceKinds.InsiRequest, EvidenceKinds.InsiResponse, EvidenceKinds.ImapTranscript, EvidenceKinds.FhirResponse, EvidenceKinds.SmtpTranscript, EvidenceKinds.MailAuth, EvidenceKinds.PscRevocation, EvidenceKinds.UiText];
        foreach (var check in CheckCatalogue.All)
        {
            var definition = check.Definition;
            definition.ShouldSatisfyAllConditions(
                () => definition.Id.ShouldMatch("^[a-z0-9]+(\\.[a-z0-9-]+)+$"),
                () => definition.TitleFr.ShouldNotBeNullOrWhiteSpace(),
                () => definition.TitleEn.ShouldNotBeNullOrWhiteSpace(),
                () => definition.Description.ShouldContain("domain.md"),
                () => definition.Verifies.ShouldNotBeEmpty(),
                () => definition.Verifies.ShouldAllBe(requirement => KnownRequirements.Contains(requirement)),
                () => definition.Inputs.ShouldNotBeEmpty(),
                () => definition.Inputs.ShouldAllBe(input => kinds.Contains(input)));
            check.GetType().IsSealed.ShouldBeTrue(definition.Id);
        }
    }

    [Test]
    public void Every_brief_requirement_is_verified_by_a_check_and_evidenced_by_a_finding()
    {
        var verified = CheckCatalogue.All.SelectMany(check => check.Definition.Verifies).ToHashSet();
        var evidenced = FindingCatalogue.All.SelectMany(definition => definition.Requirements).ToHashSet();
        RequirementIds.All.Count.ShouldBe(12);
        RequirementIds.All.ShouldAllBe(requirement => verified.Contains(requirement));
        RequirementIds.All.ShouldAllBe(requirement => evidenced.Contains(requirement));
        // DUI-INS-10 (RNIV transitions) is a manual attestation: the identity-document check is not on the wire.
        InsRequirementIds.All.Where(requirement => requirement != InsRequirementIds.Ins10)
            .ShouldAllBe(requirement => verified.Contains(requirement) && evidenced.Contains(requirement));
        verified.ShouldNotContain(InsRequirementIds.Ins10);
        MailSecurityRequirementIds.All.ShouldAllBe(requirement => evidenced.Contains(requirement));

        // Note: DUI-SEC-02 is claimed by mss.imap.tls-before-auth, judged in mss-receive-and-file (the DUI reads mail over IMAP).
        verified.ShouldContain(MailSecurityRequirementIds.Sec03);
        verified.ShouldContain(MailSecurityRequirementIds.Sec02);
    }
}

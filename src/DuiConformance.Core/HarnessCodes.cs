namespace DuiConformance.Core;

/// <summary>
/// Every <c>HARNESS-9xxx</c> code of a <see cref="HarnessException"/>: environment and configuration faults that make a
/// run's outcome <c>error</c>, never a DUI failure (STYLE.md rule 15b). One list so that numbers never collide.
/// Bands: 90xx profiles and catalogues (Core), 91xx simulators, 92xx scenarios and drivers, 93xx validation. Permanent; never reuse a number.
/// </summary>
public static class HarnessCodes
{
    /// <summary>The requirement catalogue (<c>profiles/requirements/requirements.csv</c>) is missing or malformed.</summary>
    public const string RequirementCatalogueInvalid = "HARNESS-9001";

    /// <summary>An eligibility rule set (<c>profiles/eligibility/*.yaml</c>) is missing or malformed.</summary>
    public const string EligibilityRuleSetInvalid = "HARNESS-9002";

    /// <summary>An organisation file (<c>--organisation</c>: the ESSMS of a project) is missing or malformed, or a FINESS number is wrong.</summary>
    public const string OrganisationFileInvalid = "HARNESS-9010";

    /// <summary>The SMTP simulator could not listen (port in use, address not available).</summary>
    public const string SmtpBindFailed = "HARNESS-9101";

    /// <summary>The FHIR simulator could not start (port in use, address not available).</summary>
    public const string FhirStartFailed = "HARNESS-9102";

    /// <summary>The INSi simulator could not start (port in use, identity base in fixtures/identities unreadable).</summary>
    public const string InsiStartFailed = "HARNESS-9103";

    /// <summary>The Pro Santé Connect simulator could not start (port in use, address not available).</summary>
    public const string PscStartFailed = "HARNESS-9110";

    /// <summary>The MSSanté mailbox directory (<c>profiles/mssante/directory.csv</c>) is missing or malformed (912x: MSSanté operator).</summary>
    public const string MailDirectoryInvalid = "HARNESS-9120";

    /// <summary>The IMAP simulator could not listen (port in use, address not available).</summary>
    public const string ImapBindFailed = "HARNESS-9121";

    /// <summary>Chromium is missing or did not start.</summary>
    public const string BrowserUnavailable = "HARNESS-9201";

    /// <summary>The SUT's UI map has no recipe for an action a scenario asks for.</summary>
    public const string UiMapActionMissing = "HARNESS-9202";

    /// <summary>A scenario names a check the harness does not have.</summary>
    public const string UnknownCheck = "HARNESS-9203";

    /// <summary>A check threw instead of returning a result: a harness bug, reported as an error.</summary>
    public const string CheckThrew = "HARNESS-9204";

    /// <summary>A schematron (or a file it includes) is missing, unreadable or not ISO Schematron; band 93xx is validation.</summary>
    public const string SchematronInvalid = "HARNESS-9301";

    /// <summary>A configured XSD schema folder is missing or its schema does not compile.</summary>
    public const string XsdSchemaInvalid = "HARNESS-9302";

    /// <summary>The DUI's test hooks did not answer in time or could not be reached (9210–9229: HTTP hooks driver and SUT presets).</summary>
    public const string HooksUnreachable = "HARNESS-9210";

    /// <summary>The DUI's test hooks refused the shared secret (401/403), or are switched off (404).</summary>
    public const string HooksRefused = "HARNESS-9211";

    /// <summary>The DUI's test hooks answered something that is not the contract (status, JSON shape).</summary>
    public const string HooksProtocol = "HARNESS-9212";

    /// <summary>The DUI's test hooks do not offer an action a scenario asks for (not listed by <c>GET info</c>).</summary>
    public const string HooksActionUnsupported = "HARNESS-9213";

    /// <summary>The DUI refused the simulators' configuration (<c>POST configure</c>) or the data reset (<c>POST reset</c>).</summary>
    public const string HooksConfigureFailed = "HARNESS-9214";

    /// <summary>A SUT preset (<c>profiles/suts/&lt;preset&gt;/sut.yaml</c>) is malformed, or an external SUT lacks its URL or secret.</summary>
    public const string SutPresetInvalid = "HARNESS-9215";
    /// <summary>The manual driver's instruction catalogue (<c>profiles/manual/instructions.yaml</c>) is missing, malformed or lacks a verb (925x: manual driver).</summary>
    public const string ManualInstructionsInvalid = "HARNESS-9250";

    /// <summary>An instruction of the manual driver names a value the scenario does not define.</summary>
    public const string ManualInstructionUnrenderable = "HARNESS-9251";

    /// <summary>The operator's input ended (terminal closed, script finished) while the manual driver waited for an answer.</summary>
    public const string OperatorInputClosed = "HARNESS-9252";
    /// <summary>Our FHIR definitions (profiles/fhir/) are missing or unreadable: the profile-based checks cannot judge.</summary>
    public const string FhirDefinitionsInvalid = "HARNESS-9310";
    /// <summary>The simulated DMP registry (<c>fixtures/dmp/registry.csv</c>: INS and DMP status) is malformed.</summary>
    public const string DmpRegistryInvalid = "HARNESS-9140";
    /// <summary>A scenario step asks for a message to be delivered to the DUI's mailbox (<c>deliver:</c>) but the run has no mail operator.</summary>
    public const string MailDeliveryUnavailable = "HARNESS-9160";

    /// <summary>The fixture message a <c>deliver:</c> step names is missing, outside fixtures/, or could not be filed.</summary>
    public const string MailDeliveryFailed = "HARNESS-9161";

    /// <summary>A scenario step asks for the DUI's Pro Santé Connect token to be revoked (<c>revoke-token:</c>) but the run has no mail operator.</summary>
    public const string TokenRevocationUnavailable = "HARNESS-9216";

    /// <summary>A <c>revoke-token:</c> step names an unknown scope, or the DUI had no mail session token to revoke.</summary>
    public const string TokenRevocationFailed = "HARNESS-9217";

    /// <summary>A scenario step sets the operator's SMTP size limit (<c>operator-max-size:</c>) with a value that is not a positive number of octets, or the run has no mail operator.</summary>
    public const string MailSizeLimitInvalid = "HARNESS-9130";

    /// <summary>A scenario step's <c>fhir-refuse:</c> is not « &lt;HTTP status 400–599&gt; &lt;code&gt; &lt;diagnostics&gt; » (9220–9229: DMP refusals and INS mode).</summary>
    public const string FhirRefusalInvalid = "HARNESS-9220";

    /// <summary>A scenario step asks the simulated DMP to refuse a submission, but this run has no FHIR simulator to tell.</summary>
    public const string FhirRefusalUnavailable = "HARNESS-9221";
}

namespace DuiConformance.Core.Evidence;

/// <summary>The kinds of evidence the simulators and drivers record; checks select their inputs by kind.</summary>
public static class EvidenceKinds
{
    /// <summary>A FHIR request body as received (exact bytes); properties: method, path, contentType, interaction, status, response.</summary>
    public const string FhirRequest = "fhir-request";

    /// <summary>The FHIR response body the simulator sent; properties: status, request.</summary>
    public const string FhirResponse = "fhir-response";

    /// <summary>A message accepted by the SMTP simulator (exact DATA bytes, dot-unstuffed); properties in <see cref="SmtpProperties"/>.</summary>
    public const string SmtpMessage = "smtp-message";

    /// <summary>An SMTP session transcript, secrets redacted.</summary>
    public const string SmtpTranscript = "smtp-transcript";

    /// <summary>A Playwright trace zip (always recorded by the browser driver).</summary>
    public const string BrowserTrace = "browser-trace";

    /// <summary>A screenshot taken when a browser step failed.</summary>
    public const string BrowserScreenshot = "browser-screenshot";

    /// <summary>The ARIA snapshot of the page when a browser step failed.</summary>
    public const string BrowserAriaSnapshot = "browser-aria";

    /// <summary>The page HTML when a browser step failed.</summary>
    public const string BrowserHtml = "browser-html";

    /// <summary>A SOAP request received by the simulated INSi teleservice (exact bytes); properties in <see cref="InsiProperties"/>.</summary>
    public const string InsiRequest = "insi-request";

    /// <summary>The SOAP response (result or fault) the simulated INSi sent; properties in <see cref="InsiProperties"/>.</summary>
    public const string InsiResponse = "insi-response";

    /// <summary>An IMAP session transcript of the simulated MSSanté operator (redacted: credentials masked).</summary>
    public const string ImapTranscript = "imap-transcript";
}

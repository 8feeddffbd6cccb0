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

    /// <summary>A request the HTTP hooks driver sent to the DUI's test hooks (JSON body; the shared secret redacted); properties: method, path, exchange.</summary>
    public const string HookRequest = "hook-request";

    /// <summary>The DUI's answer to a test-hooks request (JSON body, or the error); properties: status, exchange, elapsedMs.</summary>
    public const string HookResponse = "hook-response";
    /// <summary>What the operator of the manual driver answered for a step (JSON); properties: action, answer (done, impossible, reason, skip, help, unknown, acknowledged after observed traffic, ready at the set-up question, ignored-early).</summary>
    public const string OperatorAnswer = "operator-answer";
    /// <summary>An IMAP session transcript of the simulated MSSanté operator (secrets redacted); properties in <see cref="ImapProperties"/>.</summary>
    public const string ImapTranscript = "imap-transcript";
    /// <summary>One SASL XOAUTH2/OAUTHBEARER authentication attempt at the simulated MSSanté operator (a JSON summary, never the token); properties in <see cref="MailAuthProperties"/>.</summary>
    public const string MailAuth = "mail-auth";
    /// <summary>A Pro Santé Connect access token revoked during the run (a JSON summary, never the token); properties in <see cref="MailAuthProperties"/> (tokenId, tokenHash, by).</summary>
    public const string PscRevocation = "psc-revocation";
    /// <summary>
    /// What the DUI showed its user at the end of an action (UTF-8 text: the page's visible text for the browser driver,
    /// the hook's message for the HTTP hooks driver); properties: action, driver.
    /// </summary>
    public const string UiText = "ui-text";
}

using System.Xml.Linq;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// Names of the INSi SOAP 1.2 messages (domain.md §2.2 [V2]: WSDL DESIR_ICIR_EXP_1.5.0, public client padoa/tlsi-ins).
/// </summary>
public static class InsiSoap
{
    /// <summary>The SOAP 1.2 envelope namespace.</summary>
    public static readonly XNamespace Envelope = "http://www.w3.org/2003/05/soap-envelope";

    /// <summary>WS-Addressing 1.0.</summary>
    public static readonly XNamespace Addressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>The LPS context header (<c>ContexteLPS</c>).</summary>
    public static readonly XNamespace Lps = "urn:siram:lps";

    /// <summary>The BAM context header (<c>ContexteBAM</c>).</summary>
    public static readonly XNamespace Bam = "urn:siram:bam";

    /// <summary>The look-up-by-traits request body (<c>RECSANSVITALE</c>).</summary>
    public static readonly XNamespace RecSans = "http://www.cnamts.fr/INSiRecSans";

    /// <summary>The look-up-by-Vitale-card request body (<c>RECVIT</c>).</summary>
    public static readonly XNamespace RecVit = "http://www.cnamts.fr/INSiRecVit";

    /// <summary>The response body (<c>RESULTAT</c>).</summary>
    public static readonly XNamespace Resultat = "http://www.cnamts.fr/INSiResultat";

    /// <summary>The simulator's own fault subcodes.</summary>
    public static readonly XNamespace Simulator = "urn:dui-conformance:insi";

    /// <summary>
    /// Look-up of an INS from the five traits; also the call that <b>verifies</b> an INS already held (the DUI compares
    /// the answer with what it stores, domain.md §2.2).
    /// </summary>
    public const string SearchByTraitsAction = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";

    /// <summary>Look-up with a Vitale card; not simulated (answered with a fault).</summary>
    public const string SearchByVitaleAction = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

    /// <summary>The SOAP 1.2 media type.</summary>
    public const string MediaType = "application/soap+xml";

    /// <summary>The Content-Type of every answer.</summary>
    public const string ContentType = "application/soap+xml; charset=utf-8";
}

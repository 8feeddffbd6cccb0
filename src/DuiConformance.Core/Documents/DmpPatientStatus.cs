namespace DuiConformance.Core.Documents;

/// <summary>
/// How the simulated DMP answers the DMP status query by INS (PDSm4DMP TD0.2, domain.md §3.4):
/// <c>GET [base]/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|&lt;NIR&gt;</c> returns an empty searchset when the INS has
/// no DMP, else one Patient whose <c>active</c> is the DMP status (false = closed) and whose extension
/// <see cref="OppositionExtension"/> (valueBoolean) says the usager opposed its feeding.
/// </summary>
public static class DmpPatientStatus
{
    /// <summary>The request's <see cref="Evidence.FhirProperties.Interaction"/> value for a DMP status query.</summary>
    public const string Interaction = "TD0.2";

    /// <summary>
    /// The extension carrying the usager's opposition to feeding. Note: the PDSm4DMP draft (0.1.0, not normative) does
    /// not pin this extension yet; the URL is the harness's, under the draft IG's canonical.
    /// </summary>
    public const string OppositionExtension = "https://interop.esante.gouv.fr/ig/fhir/pdsm4dmp/StructureDefinition/dmp-opposition-alimentation";

    /// <summary>The INS OIDs a DMP status query may use (INS-NIR, INS-NIA and their test OIDs, domain.md §2.3).</summary>
    public static IReadOnlyList<string> InsSystems { get; } =
    [
        "urn:oid:1.2.250.1.213.1.4.8",
        "urn:oid:1.2.250.1.213.1.4.9",
        "urn:oid:1.2.250.1.213.1.4.10",
        "urn:oid:1.2.250.1.213.1.4.11",
    ];
}

using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INSi: SOAP 1.2 request, WS-Addressing and ContexteLPS (DUI-INS-06).</summary>
public sealed class InsiRequestCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.insi.request",
        TitleFr: "INSi : requête SOAP 1.2, WS-Addressing et ContexteLPS",
        TitleEn: "INSi: SOAP 1.2 request, WS-Addressing and ContexteLPS",
        Verifies: [InsRequirementIds.Ins06],
        Inputs: [EvidenceKinds.InsiRequest],
        Description: """
            Chaque appel INSi est une enveloppe SOAP 1.2 portant `wsa:Action` égal à une action
            `urn:ServiceIdentiteCertifiee:1.0.0:…`, un `wsa:MessageID` `uuid:<UUID>` et un `ContexteLPS` avec IDAM, Version,
            Instance et `Nom=urn:lps:…`.

            Source : domain.md §2.2, §8.1 **INS-06**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsiRequestRules.Envelope(evidence);
}

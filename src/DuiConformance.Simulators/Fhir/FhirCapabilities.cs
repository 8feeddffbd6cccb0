using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>The simulator's CapabilityStatement (<c>GET [base]/metadata</c>).</summary>
internal static class FhirCapabilities
{
    public static CapabilityStatement Create(DateTimeOffset now) => new()
    {
        Status = PublicationStatus.Active,
        Date = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Software = new CapabilityStatement.SoftwareComponent { Name = "DuiConformance DMP / PDSm simulator" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Simulateur DMP / Mon espace santé (PDSm, IHE MHD Document Recipient) pour les tests de conformité DUI" },
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "ITI-65 Provide Document Bundle : POST [base] avec un Bundle de type transaction.",
                Interaction =
                [
                    new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                ],
            },
        ],
    };
}

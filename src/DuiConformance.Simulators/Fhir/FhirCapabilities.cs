using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>The simulator's CapabilityStatement (<c>GET [base]/metadata</c>): what it implements, nothing more.</summary>
internal static class FhirCapabilities
{
    public static CapabilityStatement Create(DateTimeOffset now, bool requiresAccessToken = false) => new()
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
                Documentation = "ITI-65 Provide Document Bundle : POST [base] avec un Bundle de type transaction. ITI-66 : GET [base]/List. ITI-67 : GET [base]/DocumentReference. ITI-68 : GET [base]/Binary/[id]. ITI-105 : POST [base]/DocumentReference.",
                Security = requiresAccessToken
                    ? new CapabilityStatement.SecurityComponent
                    {
                        Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")],
                        Description = "Jeton d'accès Pro Santé Connect (Authorization: Bearer) exigé pour toute interaction sauf /metadata.",
                    }
                    : null,
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "DocumentReference",
                        Interaction =
                        [
                            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create, Documentation = "ITI-105 Simplified Publish" },
                            new CapabilityStatement.ResourceInteractionComponent
                            {
                                Code = CapabilityStatement.TypeRestfulInteraction.Patch,
                                Documentation = "Mise à jour des métadonnées (PDSm flux 03) : PATCH conditionnel sur identifier, status, securityLabel et isArchived seulement.",
                            },
                        ],
                        SearchParam = [.. DocumentSearch.Parameters.Select(parameter => SearchParam(parameter.Name, parameter.Type))],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "List",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType, Documentation = "ITI-66 Find Document Lists" }],
                        SearchParam = [.. SubmissionSetSearch.Parameters.Select(parameter => SearchParam(parameter.Name, parameter.Type))],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Binary",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Patient",
                        Documentation = "État du DMP par INS (PDSm4DMP TD0.2) : searchset vide = pas de DMP, active = false = DMP fermé.",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType }],
                        SearchParam = [SearchParam("identifier", SearchParamType.Token)],
                    },
                ],
                Interaction =
                [
                    new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                ],
            },
        ],
    };

    private static CapabilityStatement.SearchParamComponent SearchParam(string name, SearchParamType type) => new() { Name = name, Type = type };
}

using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The checks every FHIR request body goes through, in order: media type (415), JSON syntax with a bounded depth (400,
/// FHIR-5901), then Firely parsing in the configured mode (400, FHIR-5902). Each refusal is an OperationOutcome.
/// </summary>
internal static class FhirResourceReader
{
    /// <summary>The parsed resource, or <c>null</c> with the HTTP status and OperationOutcome to answer.</summary>
    public static (Resource? Resource, int Status, OperationOutcome? Refusal) Read(string? contentType, byte[] body, FhirSimulatorOptions options)
    {
        if (!IsFhirJson(contentType))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.UnsupportedMediaType,
                OperationOutcome.IssueType.NotSupported,
                $"Content-Type attendu : application/fhir+json, reçu « {contentType ?? "aucun"} ».")));
        }

        if (FhirJson.SyntaxError(body) is { } syntax)
        {
            return (null, StatusCodes.Status400BadRequest, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.MalformedJson,
                OperationOutcome.IssueType.Structure,
                $"Le corps de la requête n'est pas du JSON valide : {syntax}")));
        }

        var resource = FhirJson.Parse(body, options, out var issues);
        return resource is null
            ? (null, StatusCodes.Status400BadRequest, FhirIssue.ToOperationOutcome(issues))
            : (resource, StatusCodes.Status200OK, null);
    }

    /// <summary>True for <c>application/fhir+json</c> or <c>application/json</c>, parameters aside.</summary>
    public static bool IsFhirJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return string.Equals(media, FhirJson.MediaType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase);
    }
}

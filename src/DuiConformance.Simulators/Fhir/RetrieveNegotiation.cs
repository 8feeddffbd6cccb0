using Microsoft.Net.Http.Headers;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// ITI-68 content negotiation (FHIR R4 §3.1.0.1.10 and §2.42 Binary; PDSm st_consultation.md: the document is returned
/// in its own contentType, untransformed): <c>_format=json</c> or an Accept range for FHIR JSON gives the Binary
/// resource; no Accept, or a range matching the stored contentType (<c>*/*</c>, <c>type/*</c>, exact) gives the bytes;
/// anything else gives 406. Ranges are tried by decreasing quality, <c>q=0</c> ones never.
/// </summary>
internal static class RetrieveNegotiation
{
    /// <summary>What to send back for a retrieve.</summary>
    public enum Choice
    {
        /// <summary>The document's bytes in their stored contentType.</summary>
        Document,

        /// <summary>The Binary resource as FHIR JSON.</summary>
        FhirResource,

        /// <summary>Nothing the client accepts: 406.</summary>
        NotAcceptable,
    }

    /// <summary>Chooses from <c>_format</c> and <c>Accept</c> for a document of <paramref name="contentType"/>.</summary>
    public static Choice Choose(string? format, string? accept, string contentType)
    {
        if (format is "json" or "application/json" or FhirJson.MediaType or "application/json+fhir")
        {
            return Choice.FhirResource;
        }

        if (string.IsNullOrWhiteSpace(accept))
        {
            return Choice.Document;
        }

        if (!MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return Choice.NotAcceptable;
        }

        // Note: media types are compared without their parameters (charset…): the stored bytes are sent as they are.
        var stored = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? new MediaTypeHeaderValue(parsed.MediaType) : null;
        foreach (var range in ranges.Where(range => (range.Quality ?? 1) > 0).OrderByDescending(range => range.Quality ?? 1))
        {
            if (stored is not null && stored.IsSubsetOf(new MediaTypeHeaderValue(range.MediaType)))
            {
                return Choice.Document;
            }

            if (range.MediaType.Equals(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return Choice.FhirResource;
            }
        }

        return Choice.NotAcceptable;
    }
}

using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Reads ITI-65 request bodies (FHIR R4 JSON) with Firely's System.Text.Json deserializer in its strict mode, keeping
/// the partial result and the issues (STYLE.md rule 14): a partly wrong bundle still yields structural findings.
/// </summary>
public static class Iti65BundleReader
{
    /// <summary>The interaction name the FHIR simulator tags on ITI-65 requests.</summary>
    public const string Interaction = "ITI-65";

    /// <summary>Largest body read, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    // Note: narrative XHTML is not judged here (it belongs to full profile validation, domain.md §8.4 PDSM-12).
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict, NarrativeValidationKind.None));

    /// <summary>The <c>fhir-request</c> items the simulator tagged as ITI-65, in recording order.</summary>
    public static IReadOnlyList<EvidenceItem> Requests(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return [.. evidence.OfKind(EvidenceKinds.FhirRequest)
            .Where(item => string.Equals(item.Property(FhirProperties.Interaction), Interaction, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Reads every ITI-65 request of <paramref name="evidence"/>.</summary>
    public static IReadOnlyList<Iti65Bundle> ReadAll(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return [.. Requests(evidence).Select(item => Read(item, evidence.Content(item)))];
    }

    /// <summary>Reads one request body. Never throws on hostile content.</summary>
    public static Iti65Bundle Read(EvidenceItem item, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (body.Length > MaxBodyBytes)
        {
            return new Iti65Bundle(item, null, [], $"Corps de requête trop volumineux ({body.Length} octets).");
        }

        if (body.IsEmpty)
        {
            return new Iti65Bundle(item, null, [], "Corps de requête vide.");
        }

        try
        {
            var json = Encoding.UTF8.GetString(body.Span);
            var ok = Deserializer.TryDeserializeResource(json, out var resource, out var issues);
            var messages = issues.Select(Describe).ToList();
            if (resource is DynamicResource)
            {
                // Note: an unknown resourceType comes back as a DynamicResource; there is nothing FHIR R4 to judge in it.
                return new Iti65Bundle(item, null, messages, "Type de ressource FHIR inconnu : " + string.Join(" ; ", messages.Take(3)));
            }

            if (ok)
            {
                return new Iti65Bundle(item, resource, [], null);
            }

            return resource is null
                ? new Iti65Bundle(item, null, messages, "Ressource FHIR illisible : " + string.Join(" ; ", messages.Take(3)))
                : new Iti65Bundle(item, resource, messages, null);
        }
        catch (Exception exception) when (exception is JsonException or DeserializationFailedException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            return new Iti65Bundle(item, null, [], $"Ressource FHIR illisible : {exception.Message}");
        }
    }

    private static string Describe(CodedException issue) => $"{issue.ErrorCode} {issue.Message}";
}

using System.Text;
using System.Text.Json;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Reads a FHIR R4 resource from JSON or XML bytes with Firely's deserializers in recoverable mode: a partly wrong
/// resource still comes back (with the parser's issues) so the profile checker can judge what is there. Never throws
/// on hostile content.
/// </summary>
public static class FhirResourceParser
{
    /// <summary>Largest body read, in bytes.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly DeserializerSettings Settings = new DeserializerSettings().UsingMode(DeserializationMode.Recoverable);
    private static readonly FhirJsonDeserializer Json = new(Settings);
    private static readonly FhirXmlDeserializer Xml = new(Settings);

    /// <summary>True when the bytes look like FHIR JSON (an object with <c>resourceType</c>) or FHIR XML (namespace http://hl7.org/fhir).</summary>
    public static bool LooksLikeFhir(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4096)]);
        var trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{'))
        {
            return head.Contains("\"resourceType\"", StringComparison.Ordinal);
        }

        // Note: FHIR XML is told from CDA (urn:hl7-org:v3) by the namespace of the root element itself.
        var at = 0;
        while ((at = trimmed.IndexOf('<', at)) >= 0 && at + 1 < trimmed.Length && trimmed[at + 1] is '?' or '!')
        {
            at++;
        }

        var end = at < 0 ? -1 : trimmed.IndexOf('>', at);
        return end > at && trimmed[at..end].Contains("\"http://hl7.org/fhir\"", StringComparison.Ordinal);
    }

    /// <summary>Parses <paramref name="content"/>; <paramref name="error"/> says why nothing came back.</summary>
    public static Resource? Parse(ReadOnlySpan<byte> content, out IReadOnlyList<string> issues, out string? error)
    {
        issues = [];
        error = null;
        if (content.Length > MaxBytes)
        {
            error = $"Ressource trop volumineuse ({content.Length} octets).";
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
            Resource? resource;
            IEnumerable<CodedException> found;
            if (text.TrimStart().StartsWith('<'))
            {
                using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                Xml.TryDeserializeResource(reader, out resource, out found);
            }
            else
            {
                Json.TryDeserializeResource(text, out resource, out found);
            }

            issues = [.. found.Select(issue => $"{issue.ErrorCode} {issue.Message}")];
            if (resource is null or DynamicResource)
            {
                error = "Ressource FHIR illisible : " + string.Join(" ; ", issues.Take(3));
                return null;
            }

            return resource;
        }
        catch (Exception exception) when (exception is JsonException or XmlException or DeserializationFailedException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            error = $"Ressource FHIR illisible : {exception.Message}";
            return null;
        }
    }
}

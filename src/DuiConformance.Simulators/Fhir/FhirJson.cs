using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Fhir;

/// <summary>FHIR JSON in and out: a syntax check, a cheap sniff of the top-level Bundle type, Firely parsing and serialization.</summary>
internal static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public const string ResponseContentType = "application/fhir+json; charset=utf-8";

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>One deserializer per options instance: building its settings costs more than a small parse.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FhirSimulatorOptions, FhirJsonDeserializer> Deserializers = new();

    /// <summary>The body serialized as FHIR R4 JSON (UTF-8), with <c>Attachment.size</c> as a JSON number.</summary>
    public static byte[] Serialize(Resource resource)
    {
        var bytes = Serializer.SerializeToBytes(resource);

        // Note: Firely 6.8 writes R4 Attachment.size (unsignedInt) as a JSON string, modelling it as R5's integer64 (see
        // FhirSimulatorOptions.ToleratedParserIssues). FHIR R4 §2.6.2 wants a number; a strict R4 client would refuse
        // our ITI-67 answers otherwise, so the simulator writes what the real service writes.
        return bytes.AsSpan().IndexOf("\"size\":\""u8) < 0 ? bytes : WithNumericAttachmentSizes(bytes);
    }

    private static byte[] WithNumericAttachmentSizes(byte[] json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        FixSizes(root, parentName: null);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static void FixSizes(System.Text.Json.Nodes.JsonNode? node, string? parentName)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                if (parentName == "attachment" && obj["size"] is System.Text.Json.Nodes.JsonValue size
                    && size.TryGetValue<string>(out var text) && ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    obj["size"] = number;
                }

                foreach (var (name, child) in obj.ToList())
                {
                    FixSizes(child, name);
                }

                break;
            case System.Text.Json.Nodes.JsonArray array:
                foreach (var child in array)
                {
                    FixSizes(child, parentName);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The JSON syntax problem of <paramref name="body"/>, or <c>null</c> when it is well-formed JSON.</summary>
    public static string? SyntaxError(ReadOnlyMemory<byte> body)
    {
        // Note: one forward pass of the reader, which allocates nothing; a complete buffer makes it refuse truncated
        // JSON and trailing content, and MaxDepth refuses deep nesting before anything recurses (issue 9 §8).
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64 });
            var tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens == 0 ? "corps vide" : null;
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// True when the top level says <c>"resourceType": "Bundle"</c> and <c>"type": "transaction"</c>. Reads only top-level
    /// string properties and never throws, so it may run before the body is recorded.
    /// </summary>
    public static bool LooksLikeTransaction(ReadOnlySpan<byte> body)
    {
        string? resourceType = null, type = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.String && name is "resourceType" or "type")
                {
                    if (name == "resourceType")
                    {
                        resourceType = reader.GetString();
                    }
                    else
                    {
                        type = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Note: a sniff only; the full syntax error is reported after the body is recorded.
        }

        return resourceType == "Bundle" && type == "transaction";
    }

    /// <summary>
    /// Parses a FHIR resource in the options' parsing mode; returns it, or <c>null</c> with the parser's problems as issues.
    /// </summary>
    public static Resource? Parse(ReadOnlyMemory<byte> body, FhirSimulatorOptions options, out IReadOnlyList<FhirIssue> issues)
    {
        var deserializer = Deserializers.GetValue(options, static settings => new FhirJsonDeserializer(new DeserializerSettings().UsingMode(settings.ParsingMode).Ignoring(settings.ToleratedParserIssues)));
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64 });
        if (NotAResourceObject(body.Span) is { } shape)
        {
            issues = [new FhirIssue(FhirSimulatorFindings.InvalidFhirContent, OperationOutcome.IssueType.Structure, shape, "resourceType")];
            return null;
        }

        Resource? resource;
        IEnumerable<Hl7.Fhir.Utility.CodedException> errors;
        try
        {
            if (deserializer.TryDeserializeResource(ref reader, out resource, out errors))
            {
                // Note: Firely reads an unknown resourceType into a DynamicResource; FHIR R4 knows no such resource.
                if (resource is DynamicResource unknown)
                {
                    issues = [new FhirIssue(FhirSimulatorFindings.InvalidFhirContent, OperationOutcome.IssueType.Structure, $"resourceType inconnu en FHIR R4 : « {unknown.TypeName} ».", "resourceType")];
                    return null;
                }

                issues = [];
                return resource;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            issues = [new FhirIssue(FhirSimulatorFindings.InvalidFhirContent, OperationOutcome.IssueType.Structure, $"Contenu FHIR invalide : {exception.Message}")];
            return null;
        }

        issues = [.. errors.Select(error => new FhirIssue(
            FhirSimulatorFindings.InvalidFhirContent,
            OperationOutcome.IssueType.Structure,
            $"Contenu FHIR invalide ({error.ErrorCode}) : {error.Message}",
            InstancePath(error)))];
        if (issues.Count == 0)
        {
            issues = [new FhirIssue(FhirSimulatorFindings.InvalidFhirContent, OperationOutcome.IssueType.Structure, "Contenu FHIR invalide.")];
        }

        return null;
    }

    /// <summary>
    /// Why the body is not a JSON object with a string <c>resourceType</c>, or <c>null</c> when it is one. Reads only the
    /// top level and stops at <c>resourceType</c> (usually the first property); the body is already known to be valid JSON.
    /// </summary>
    private static string? NotAResourceObject(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return $"Une ressource FHIR est un objet JSON, reçu : {reader.TokenType}.";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResourceType = reader.ValueTextEquals("resourceType"u8);
                if (!reader.Read())
                {
                    break;
                }

                if (isResourceType)
                {
                    return reader.TokenType == JsonTokenType.String ? null : "La propriété resourceType n'est pas une chaîne.";
                }

                reader.Skip();
            }

            return "La propriété resourceType est absente.";
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }
    }

    private static string? InstancePath(Exception error) => error switch
    {
        FhirJsonException json => json.InstancePath,
        Hl7.Fhir.Validation.CodedValidationException validation => validation.InstancePath,
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The JSON Schema of report.json (<c>profiles/schemas/report.schema.json</c>, DESIGN.md §3), exported from
/// <see cref="RunReport"/> with the wire vocabularies (outcomes, statuses, levels, severities) as enums, and a small
/// validator for the part of JSON Schema it uses, so tests and tools can check a report.json without a package.
/// </summary>
public static class RunReportSchema
{
    /// <summary>The <c>$id</c> of the schema.</summary>
    public const string Id = "https://dui-conformance.local/schemas/report.schema.json";

    /// <summary>The schema file in the repository: <c>profiles/schemas/report.schema.json</c>.</summary>
    public static string DefaultPath => RepositoryLayout.Profile("schemas", "report.schema.json");

    private static readonly Dictionary<string, string[]> Vocabularies = new(StringComparer.Ordinal)
    {
        ["outcome"] = ["pass", "fail", "skip", "error", "omit"],
        ["status"] = ["ready", "at-risk", "blocked", "not-applicable"],
        ["onUsageTargetsStatus"] = ["ready", "at-risk", "blocked", "not-applicable"],
        ["severity"] = ["info", "warning", "error"],
        ["level"] = ["SHALL", "SHOULD", "MAY"],
        ["verification"] = ["automated", "manual", "not-tested"],
        ["language"] = ["fr", "en"],
        ["beneficiary"] = ["owner", "editor"],
        ["route"] = ["regional", "multi-regional", "national"],
    };

    /// <summary>The schema, as exported from the report model.</summary>
    public static JsonObject Export()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var name = context.PropertyInfo?.Name;
                if (name is not null && node is JsonObject property && Vocabularies.TryGetValue(name, out var values) && IsStringSchema(property))
                {
                    var nullable = property["type"] is JsonArray;
                    property["enum"] = new JsonArray([.. values.Select(value => (JsonNode?)JsonValue.Create(value)), .. nullable ? new JsonNode?[] { null } : []]);
                }

                if (name == "schemaVersion" && node is JsonObject version)
                {
                    version["const"] = 1;
                }

                // Note: report.json leaves null values out (WhenWritingNull), so a nullable property is never required.
                if (node is JsonObject shape && shape["required"] is JsonArray required && shape["properties"] is JsonObject properties)
                {
                    foreach (var optional in required.Where(item => properties[item!.GetValue<string>()]?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")).ToList())
                    {
                        required.Remove(optional);
                    }
                }

                return node;
            },
        };
        // Note: numbers are written as numbers; the Web defaults' "read numbers from strings" would widen every integer
        // to string-or-integer in the schema.
        var serializerOptions = new JsonSerializerOptions(RunReportJson.Options) { NumberHandling = JsonNumberHandling.Strict };
        var schema = (JsonObject)serializerOptions.GetJsonSchemaAsNode(typeof(RunReport), exporterOptions);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "DuiConformance report.json (schemaVersion 1)",
            ["description"] = "The machine-readable report of a conformance run (DESIGN.md §3). Generated from DuiConformance.Core.Reporting.RunReport by RunReportSchema.Export; the test RunReportSchemaTests keeps the file in step.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            root[key] = value;
        }

        return root;
    }

    /// <summary>The schema as the text of report.schema.json (indented, trailing newline).</summary>
    public static string ExportText() => Export().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = RunReportJson.Options.Encoder }) + "\n";

    /// <summary>
    /// Validates <paramref name="instance"/> against <paramref name="schema"/>, supporting <c>type</c> (one or a list),
    /// <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c> and
    /// <c>items</c> (<c>format</c> and <c>default</c> are annotations, as in draft 2020-12); any other keyword is
    /// reported as unsupported rather than ignored.
    /// </summary>
    /// <returns>One message per violation, each with its JSON path; empty when the instance is valid.</returns>
    public static IReadOnlyList<string> Validate(JsonNode schema, JsonNode? instance)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<string>();
        Validate(schema, instance, "$", errors);
        return errors;
    }

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description", "default", "format", "type", "enum", "const", "properties", "required", "additionalProperties", "items" };

    private static void Validate(JsonNode schema, JsonNode? instance, string path, List<string> errors)
    {
        if (schema is JsonValue boolean && boolean.TryGetValue<bool>(out var allowed))
        {
            if (!allowed)
            {
                errors.Add($"{path}: no value is allowed here");
            }

            return;
        }

        var rules = (JsonObject)schema;
        foreach (var keyword in rules.Select(pair => pair.Key).Where(keyword => !Annotations.Contains(keyword)))
        {
            errors.Add($"{path}: schema keyword '{keyword}' is not supported by this validator");
        }

        if (rules["type"] is { } type)
        {
            var types = type is JsonArray list ? list.Select(item => item!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            var actual = TypeOf(instance);
            if (!types.Contains(actual) && !(actual == "integer" && types.Contains("number")))
            {
                errors.Add($"{path}: expected {string.Join(" or ", types)}, found {actual}");
                return;
            }
        }

        if (rules["enum"] is JsonArray values && !values.Any(value => JsonNode.DeepEquals(value, instance)))
        {
            errors.Add($"{path}: {Show(instance)} is not one of {values.ToJsonString()}");
        }

        if (rules["const"] is { } constant && !JsonNode.DeepEquals(constant, instance))
        {
            errors.Add($"{path}: expected {constant.ToJsonString()}, found {Show(instance)}");
        }

        if (instance is JsonObject obj)
        {
            var properties = rules["properties"] as JsonObject;
            foreach (var required in (rules["required"] as JsonArray ?? []).Select(item => item!.GetValue<string>()))
            {
                if (!obj.ContainsKey(required))
                {
                    errors.Add($"{path}: required property '{required}' is missing");
                }
            }

            foreach (var (name, value) in obj)
            {
                if (properties is not null && properties[name] is { } propertySchema)
                {
                    Validate(propertySchema, value, $"{path}.{name}", errors);
                }
                else if (rules["additionalProperties"] is JsonValue additional && additional.TryGetValue<bool>(out var open) && !open)
                {
                    errors.Add($"{path}: property '{name}' is not allowed");
                }
            }
        }

        if (instance is JsonArray array && rules["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(items, array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), errors);
            }
        }
    }

    private static bool IsStringSchema(JsonObject property) => property["type"] switch
    {
        JsonValue value => value.GetValue<string>() == "string",
        JsonArray list => list.Any(item => item?.GetValue<string>() == "string"),
        _ => false,
    };

    private static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) || value.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase) ? "number" : "integer",
            _ => "null",
        },
        _ => "unknown",
    };

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// A metadata update of a DocumentReference (PDSm flow 03/04, st_maj.md, domain.md §3.4): JSON Patch (RFC 6902) or
/// FHIRPath Patch (FHIR R4 §3.1.0.6.3, a Parameters resource), both turned into JSON Pointer operations on the
/// resource's FHIR JSON. Only <c>status</c>, <c>securityLabel</c> and the <c>isArchived</c> extension may change; any
/// other element is refused with <see cref="FhirSimulatorFindings.PatchElementNotAllowed"/> (HTTP 405).
/// </summary>
internal sealed partial class MetadataPatch
{
    private readonly List<Operation> _operations;

    private MetadataPatch(List<Operation> operations) => _operations = operations;

    /// <summary>True when the patch only sets <c>status</c> to <c>superseded</c> (the TD2.1 entry of a replacement bundle).</summary>
    public bool IsSupersede => _operations.Count == 1
        && _operations[0] is { Op: "replace", Path: "/status" } only
        && only.Value?.GetValueKind() == JsonValueKind.String && only.Value.GetValue<string>() == "superseded";

    /// <summary>Reads an RFC 6902 JSON Patch document; returns it, or <c>null</c> with the problem.</summary>
    public static MetadataPatch? FromJsonPatch(ReadOnlyMemory<byte> body, out FhirIssue? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            problem = Malformed($"Le JSON Patch n'est pas du JSON valide : {exception.Message}");
            return null;
        }

        if (root is not JsonArray array || array.Count == 0)
        {
            problem = Malformed("Un JSON Patch (RFC 6902) est un tableau non vide d'opérations.");
            return null;
        }

        var operations = new List<Operation>();
        for (var index = 0; index < array.Count; index++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"opération {index + 1}");
            if (array[index] is not JsonObject item || Text(item, "op") is not { } op || Text(item, "path") is not { } path || !path.StartsWith('/'))
            {
                problem = Malformed($"JSON Patch, {where} : op et path (pointeur JSON) sont obligatoires.");
                return null;
            }

            if (op is not ("add" or "remove" or "replace" or "test"))
            {
                problem = Malformed($"JSON Patch, {where} : l'opération « {op} » n'est pas prise en charge (add, remove, replace, test).");
                return null;
            }

            var value = item["value"]?.DeepClone();
            if (op is not "remove" && !item.ContainsKey("value"))
            {
                problem = Malformed($"JSON Patch, {where} : value est obligatoire pour « {op} ».");
                return null;
            }

            operations.Add(new Operation(op, path, value, $"{op} {path}"));
        }

        return new MetadataPatch(operations);
    }

    /// <summary>Reads a FHIRPath Patch (a Parameters resource as JSON); returns it, or <c>null</c> with the problem.</summary>
    public static MetadataPatch? FromFhirPathPatch(JsonObject parameters, JsonObject document, out FhirIssue? problem)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(document);
        problem = null;
        if (Text(parameters, "resourceType") != "Parameters" || parameters["parameter"] is not JsonArray list || list.Count == 0)
        {
            problem = Malformed("Un FHIRPath Patch est une ressource Parameters avec au moins un paramètre operation.");
            return null;
        }

        var operations = new List<Operation>();
        foreach (var parameter in list.OfType<JsonObject>())
        {
            if (Text(parameter, "name") != "operation" || parameter["part"] is not JsonArray parts)
            {
                problem = Malformed("FHIRPath Patch : chaque paramètre doit s'appeler operation et porter des part.");
                return null;
            }

            var type = PartText(parts, "type");
            var path = PartText(parts, "path");
            var name = PartText(parts, "name");
            var value = PartValue(parts);
            if (type is null || path is null)
            {
                problem = Malformed("FHIRPath Patch : type et path sont obligatoires dans chaque operation.");
                return null;
            }

            var translated = Translate(type, path, name, value, document, out problem);
            if (translated is null)
            {
                return null;
            }

            operations.AddRange(translated);
        }

        return new MetadataPatch(operations);
    }

    /// <summary>The refusal when an operation touches an element other than status, securityLabel or isArchived (405), else <c>null</c>.</summary>
    public FhirIssue? ForbiddenElement(JsonObject document)
    {
        foreach (var operation in _operations.Where(operation => operation.Op != "test"))
        {
            var segments = operation.Path.Split('/')[1..];
            var allowed = segments[0] switch
            {
                "status" => segments.Length == 1,
                "securityLabel" => true,
                "extension" => IsArchivedTarget(operation, segments, document),
                _ => false,
            };
            if (!allowed)
            {
                return new FhirIssue(
                    FhirSimulatorFindings.PatchElementNotAllowed,
                    OperationOutcome.IssueType.NotSupported,
                    $"La mise à jour des métadonnées ne peut modifier que status, securityLabel et l'extension isArchived ; refusé : {operation.Source}.",
                    "DocumentReference." + segments[0]);
            }
        }

        return null;
    }

    /// <summary>Applies every operation in order to <paramref name="document"/> (changed in place); the first failure stops it.</summary>
    public FhirIssue? ApplyTo(JsonObject document)
    {
        foreach (var operation in _operations)
        {
            if (JsonPointer.Apply(document, operation.Op, operation.Path, operation.Value?.DeepClone()) is { } error)
            {
                return new FhirIssue(FhirSimulatorFindings.PatchMalformed, OperationOutcome.IssueType.Processing, $"{operation.Source} : {error}");
            }
        }

        return null;
    }

    private static bool IsArchivedTarget(Operation operation, string[] segments, JsonObject document)
    {
        if (segments.Length == 2 && segments[1] == "-")
        {
            return operation.Value is JsonObject added && IsArchivedUrl(Text(added, "url"));
        }

        return int.TryParse(segments.ElementAtOrDefault(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && document["extension"] is JsonArray extensions && index < extensions.Count
            && extensions[index] is JsonObject existing && IsArchivedUrl(Text(existing, "url"))
            && (segments.Length == 2
                ? operation.Op == "remove" || (operation.Value is JsonObject replacement && IsArchivedUrl(Text(replacement, "url")))
                : segments[2].StartsWith("value", StringComparison.Ordinal));
    }

    // Note: the PDSm isArchived extension's exact canonical is not pinned by the harness; any extension URL ending in
    // "isArchived" is taken for it (PDSm_ComprehensiveDocumentReference, domain.md §3.4).
    private static bool IsArchivedUrl(string? url) => url?.EndsWith("isArchived", StringComparison.OrdinalIgnoreCase) == true;

    private static List<Operation>? Translate(string type, string path, string? name, JsonNode? value, JsonObject document, out FhirIssue? problem)
    {
        problem = null;
        var source = $"{type} {path}{(name is null ? "" : " " + name)}";
        if (!path.StartsWith("DocumentReference", StringComparison.Ordinal))
        {
            problem = Malformed($"FHIRPath Patch : le chemin « {path} » ne part pas de DocumentReference.");
            return null;
        }

        var rest = path["DocumentReference".Length..];
        if (type == "add" && rest.Length == 0 && name is not null)
        {
            // Note: an element added at the root is the named one; lists get "-" (append), FHIR R4 §3.1.0.6.3.
            var pointer = name is "securityLabel" or "extension" ? "/" + name + "/-" : "/" + name;
            return [new Operation("add", pointer, value, source)];
        }

        if (type == "replace" && rest == ".status")
        {
            return [new Operation("replace", "/status", value, source)];
        }

        if (IndexedLabel().Match(rest) is { Success: true } indexed)
        {
            var pointer = "/securityLabel/" + indexed.Groups[1].Value;
            return type switch
            {
                "delete" => [new Operation("remove", pointer, null, source)],
                "replace" => [new Operation("replace", pointer, value, source)],
                _ => Unsupported(source, out problem),
            };
        }

        if (LabelWhere().Match(rest) is { Success: true } where && type == "delete")
        {
            var code = where.Groups[1].Success ? where.Groups[1].Value : where.Groups[2].Value;
            var labels = document["securityLabel"] as JsonArray ?? [];
            var matching = Enumerable.Range(0, labels.Count)
                .Where(index => (labels[index]?["coding"] as JsonArray ?? []).Any(coding => coding?["code"]?.GetValueKind() == JsonValueKind.String && coding["code"]!.GetValue<string>() == code))
                .OrderDescending()
                .Select(index => new Operation("remove", string.Create(CultureInfo.InvariantCulture, $"/securityLabel/{index}"), null, source))
                .ToList();
            return matching;
        }

        if (ExtensionValue().Match(rest) is { Success: true } extension && type == "replace" && IsArchivedUrl(extension.Groups[1].Value))
        {
            var extensions = document["extension"] as JsonArray ?? [];
            var index = Enumerable.Range(0, extensions.Count).FirstOrDefault(i => IsArchivedUrl(Text(extensions[i] as JsonObject, "url")), -1);
            return index < 0
                ? Unsupported(source + " (aucune extension isArchived à remplacer)", out problem)
                : [new Operation("replace", string.Create(CultureInfo.InvariantCulture, $"/extension/{index}/valueBoolean"), value, source)];
        }

        // Note: anything else is judged on the element it names: status/securityLabel/extension forms the simulator does
        // not read are 400, other elements 405 (ForbiddenElement) — so a patch of another element is never "malformed".
        var element = rest.TrimStart('.').Split('.', '[', '(')[0];
        return element is "status" or "securityLabel" or "extension"
            ? Unsupported(source, out problem)
            : [new Operation(type == "delete" ? "remove" : type, "/" + (element.Length == 0 ? name ?? "?" : element), value, source)];
    }

    private static List<Operation>? Unsupported(string source, out FhirIssue? problem)
    {
        problem = Malformed($"FHIRPath Patch : forme non prise en charge par le simulateur : {source}.");
        return null;
    }

    private static FhirIssue Malformed(string message) =>
        new(FhirSimulatorFindings.PatchMalformed, OperationOutcome.IssueType.Invalid, message);

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? PartText(JsonArray parts, string name) =>
        parts.OfType<JsonObject>().Where(part => Text(part, "name") == name)
            .Select(part => part.Where(property => property.Key.StartsWith("value", StringComparison.Ordinal)).Select(property => property.Value).FirstOrDefault())
            .Select(node => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null)
            .FirstOrDefault();

    private static JsonNode? PartValue(JsonArray parts) =>
        parts.OfType<JsonObject>().Where(part => Text(part, "name") == "value")
            .Select(part => part.Where(property => property.Key.StartsWith("value", StringComparison.Ordinal)).Select(property => property.Value?.DeepClone()).FirstOrDefault())
            .FirstOrDefault();

    [GeneratedRegex(@"^\.securityLabel\[(\d{1,3})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexedLabel();

    [GeneratedRegex(@"^\.securityLabel\.where\(coding\.(?:code\s*=\s*'([^']+)'|exists\(code\s*=\s*'([^']+)'\))\)$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelWhere();

    [GeneratedRegex(@"^\.extension\.where\(url\s*=\s*'([^']+)'\)\.value$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionValue();

    private sealed record Operation(string Op, string Path, JsonNode? Value, string Source);
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace DuiConformance.Simulators.Fhir;

/// <summary>The add, remove, replace and test operations of RFC 6902 on a JSON tree, addressed by RFC 6901 pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Applies one operation; returns the problem in French, or <c>null</c> when it succeeded.</summary>
    public static string? Apply(JsonObject root, string op, string pointer, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var segments = pointer.Split('/')[1..].Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (segments.Length == 0)
        {
            return "le pointeur désigne la ressource entière.";
        }

        JsonNode? parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (parent is null)
            {
                // Note: RFC 6902 §4.1, the target's parent must exist — except that adding the first item of a FHIR list
                // (an absent array) through "/name/-" creates the list.
                if (op == "add" && segments.Length == 2 && segments[1] == "-" && segment == segments[0])
                {
                    root[segment] = new JsonArray(value);
                    return null;
                }

                return $"l'élément parent de {pointer} n'existe pas.";
            }
        }

        var last = segments[^1];
        return parent switch
        {
            JsonObject obj => OnObject(obj, op, last, value, pointer),
            JsonArray array => OnArray(array, op, last, value, pointer),
            _ => $"{pointer} ne désigne pas un élément d'objet ou de tableau.",
        };
    }

    private static string? OnObject(JsonObject obj, string op, string name, JsonNode? value, string pointer)
    {
        switch (op)
        {
            case "add":
                obj[name] = value;
                return null;
            case "remove" or "replace" when !obj.ContainsKey(name):
                return $"{pointer} n'existe pas.";
            case "remove":
                obj.Remove(name);
                return null;
            case "replace":
                obj[name] = value;
                return null;
            default:
                return JsonNode.DeepEquals(obj[name], value) ? null : $"test en échec sur {pointer}.";
        }
    }

    private static string? OnArray(JsonArray array, string op, string segment, JsonNode? value, string pointer)
    {
        if (op == "add" && segment == "-")
        {
            array.Add(value);
            return null;
        }

        if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count || (op != "add" && index == array.Count))
        {
            return $"{pointer} : index hors du tableau.";
        }

        switch (op)
        {
            case "add":
                array.Insert(index, value);
                return null;
            case "remove":
                array.RemoveAt(index);
                return null;
            case "replace":
                array[index] = value;
                return null;
            default:
                return JsonNode.DeepEquals(array[index], value) ? null : $"test en échec sur {pointer}.";
        }
    }
}

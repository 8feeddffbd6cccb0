using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DuiConformance.Core.Proof;

/// <summary>The JSON conventions of proof bundles: camelCase, indented, nulls left out, accents kept readable.</summary>
public static class ProofJson
{
    /// <summary>Options for metadata.json and manifest.json.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = ProofJsonContext.Default,
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace DuiConformance.Core.Proof;

/// <summary>Source-generated serializer metadata for the bundle's JSON files (no reflection on the verification path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProofMetadata))]
[JsonSerializable(typeof(ProofManifest))]
internal sealed partial class ProofJsonContext : JsonSerializerContext;

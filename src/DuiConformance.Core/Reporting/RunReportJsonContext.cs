using System.Text.Json;
using System.Text.Json.Serialization;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Source-generated serializer metadata for report.json, so reading and writing reports needs no reflection (the CLI
/// stays trimmable, and a change to <see cref="RunReport"/> is checked at build time).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class RunReportJsonContext : JsonSerializerContext;

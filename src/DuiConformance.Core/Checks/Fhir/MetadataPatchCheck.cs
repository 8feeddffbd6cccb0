using System.Text.Json;
using System.Text.Json.Nodes;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>Metadata updates are conditional PATCHes touching only status, securityLabel or isArchived (PDSM-10, DUI-DMP-10).</summary>
public sealed class MetadataPatchCheck : ICheck
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "status", "securityLabel", "extension" };

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.metadata-update.patch",
        TitleFr: "Mise à jour des métadonnées : PATCH conditionnel limité à status, securityLabel et isArchived",
        TitleEn: "Metadata update: conditional PATCH limited to status, securityLabel and isArchived",
        Verifies: [DmpRequirementIds.Dmp10],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Pour chaque requête `PATCH` reçue par le simulateur PDSm :
            - elle vise `[base]/DocumentReference?identifier=système|valeur` (conditionnelle, un seul paramètre) ;
            - son corps est un JSON Patch (RFC 6902) ou un FHIRPath Patch (Parameters) lisible ;
            - chaque opération (hors `test`) ne touche que `status`, `securityLabel` ou une extension `isArchived`.

            Le simulateur répond 405 à toute autre modification et incrémente `meta.versionId`. Lecture PDSm de
            l'exigence DUI-DMP-10 (masquage par mise à jour des métadonnées, là où XDS.b utilise ITI-57).
            Source : PDSm st_maj.md, PDSm4DMP TD3.3a/b (domain.md §3.4, §3.5, §8.4 **PDSM-10**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var requests = evidence.OfKind(EvidenceKinds.FhirRequest)
            .Where(item => string.Equals(item.Property(FhirProperties.Method), "PATCH", StringComparison.OrdinalIgnoreCase))
            .OrderBy(item => item.RecordedAt)
            .ToList();
        if (requests.Count == 0)
        {
            return CheckResult.Skip("Aucune mise à jour de métadonnées (PATCH) reçue par le simulateur PDSm.");
        }

        var findings = new List<Finding>();
        foreach (var request in requests)
        {
            var at = new FindingLocation(request.Id, null, "DocumentReference");
            var parameters = FhirRequestQuery.Parameters(request);
            var conditional = FhirRequestQuery.PathOf(request) == "/DocumentReference" && parameters.Count == 1 && parameters[0].Name == "identifier"
                && parameters[0].Value.IndexOf('|', StringComparison.Ordinal) is var bar && bar > 0 && bar < parameters[0].Value.Length - 1;
            if (!conditional)
            {
                findings.Add(DmpFindings.PatchNotConditional.At(at,
                    $"Le PATCH « {request.Property(FhirProperties.Path)} » n'est pas conditionnel sur identifier=système|valeur (PATCH [base]/DocumentReference?identifier=…)."));
            }

            foreach (var problem in Problems(evidence.Content(request)))
            {
                findings.Add(DmpFindings.PatchElement.At(at, problem));
            }
        }

        return CheckResult.FromFindings(findings, [.. requests.Select(request => request.Id)]);
    }

    /// <summary>The operations of a JSON Patch or FHIRPath Patch body that touch a forbidden element, or why the body is unreadable.</summary>
    private static List<string> Problems(ReadOnlyMemory<byte> body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return [$"Le corps du PATCH n'est pas du JSON lisible : {exception.Message}"];
        }

        var elements = new List<(string Element, string Operation)>();
        switch (root)
        {
            case JsonArray operations:
                foreach (var operation in operations.OfType<JsonObject>())
                {
                    var op = Text(operation["op"]);
                    var path = Text(operation["path"]) ?? string.Empty;
                    if (op != "test")
                    {
                        elements.Add((path.TrimStart('/').Split('/')[0], $"{op} {path}"));
                    }
                }

                break;
            case JsonObject { } parameters when Text(parameters["resourceType"]) == "Parameters":
                foreach (var operation in (parameters["parameter"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var parts = (operation["part"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                    string? Part(string name) => parts.Where(part => Text(part["name"]) == name)
                        .Select(part => part.Where(property => property.Key.StartsWith("value", StringComparison.Ordinal)).Select(property => Text(property.Value)).FirstOrDefault())
                        .FirstOrDefault();
                    var type = Part("type");
                    var path = Part("path") ?? string.Empty;
                    var rest = path.StartsWith("DocumentReference", StringComparison.Ordinal) ? path["DocumentReference".Length..].TrimStart('.') : path;
                    var element = rest.Length == 0 ? Part("name") ?? string.Empty : rest.Split('.', '[', '(')[0];
                    if (type != "test")
                    {
                        elements.Add((element, $"{type} {path} {Part("name")}".Trim()));
                    }
                }

                break;
            default:
                return ["Le corps du PATCH n'est ni un JSON Patch (tableau d'opérations) ni un FHIRPath Patch (Parameters)."];
        }

        return [.. elements.Where(pair => !Allowed.Contains(pair.Element))
            .Select(pair => $"L'opération « {pair.Operation} » modifie « {pair.Element} » : seuls status, securityLabel et l'extension isArchived peuvent changer.")];
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

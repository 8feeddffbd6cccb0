using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The DMP rules of an ITI-65 transaction beyond its structure (domain.md §3.4, §3.6, PDSM-11, DMP-09): the usager's DMP
/// must be active and not opposed; a DocumentReference with <c>relatesTo.code = replaces</c> must target a stored,
/// current DocumentReference (by <c>DocumentReference/id</c> or by identifier), which becomes <c>superseded</c> once the
/// transaction succeeds; the PDSm4DMP TD2.1 form, a PATCH entry setting the old one to superseded, is accepted too.
/// </summary>
internal static class ReplacementRules
{
    /// <summary>True for a transaction entry the simulator reads as the TD2.1 supersede patch (judged by <see cref="Check"/>).</summary>
    public static bool IsPatchEntry(Bundle.EntryComponent entry) =>
        entry.Request?.Method == Bundle.HTTPVerb.PATCH && entry.Resource is Parameters;

    /// <summary>Every problem that makes the transaction fail, with the HTTP status to answer; empty when it may proceed.</summary>
    public static (IReadOnlyList<FhirIssue> Issues, int Status) Check(Bundle bundle, DocumentRepository repository, FhirSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (DmpStatusEndpoints.FeedingRefusal(options.DmpRegistry, bundle.Entry.Select(entry => entry.Resource).OfType<Resource>()) is { } refusal)
        {
            return ([refusal], refusal.Finding == FhirSimulatorFindings.DmpAbsent ? 404 : 422);
        }

        var issues = new List<FhirIssue>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        lock (MetadataPatchEndpoint.Gate)
        {
            for (var index = 0; index < bundle.Entry.Count; index++)
            {
                if (bundle.Entry[index].Resource is not DocumentReference document)
                {
                    continue;
                }

                for (var r = 0; r < document.RelatesTo.Count; r++)
                {
                    var relation = document.RelatesTo[r];
                    if (relation.Code != DocumentRelationshipType.Replaces)
                    {
                        continue;
                    }

                    var path = string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}].resource.relatesTo[{r}].target");
                    var target = Resolve(relation.Target, repository, out var missing);
                    if (missing is not null)
                    {
                        issues.Add(new FhirIssue(missing, missing == FhirSimulatorFindings.ReplacementTargetMissing ? OperationOutcome.IssueType.Required : OperationOutcome.IssueType.NotFound,
                            missing == FhirSimulatorFindings.ReplacementTargetMissing
                                ? "relatesTo (replaces) sans cible : reference DocumentReference/<id> ou identifier attendu."
                                : "Le document remplacé n'est pas connu du DMP.",
                            path));
                    }
                    else if (target!.Status != DocumentReferenceStatus.Current)
                    {
                        issues.Add(new FhirIssue(FhirSimulatorFindings.ReplacedDocumentNotCurrent, OperationOutcome.IssueType.BusinessRule,
                            $"Le document remplacé DocumentReference/{target.Id} a le statut {target.Status?.ToString() ?? "absent"} : seul un document courant peut être remplacé.", path));
                    }
                    else
                    {
                        replaced.Add(target.Id ?? string.Empty);
                    }
                }
            }

            for (var index = 0; index < bundle.Entry.Count; index++)
            {
                var entry = bundle.Entry[index];
                if (IsPatchEntry(entry) && CheckPatchEntry(entry, repository, replaced) is { } problem)
                {
                    issues.Add(problem with { Expression = string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}]") });
                }
            }
        }

        var notFound = issues.Count > 0 && issues.TrueForAll(issue => issue.Finding == FhirSimulatorFindings.ReplacedDocumentUnknown);
        return (issues, issues.Count == 0 ? 200 : notFound ? 404 : 422);
    }

    /// <summary>
    /// Stores the POST entries (<see cref="TransactionProcessor.Execute"/>), then marks every replaced document superseded,
    /// answering 200 for each PATCH entry in its place. Call only when <see cref="Check"/> and <see cref="TransactionProcessor.Check"/> found nothing.
    /// </summary>
    public static Bundle Execute(Bundle transaction, DocumentRepository repository, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var posts = new Bundle { Type = Bundle.BundleType.Transaction, Entry = [.. transaction.Entry.Where(entry => !IsPatchEntry(entry))] };
        lock (MetadataPatchEndpoint.Gate)
        {
            var targets = posts.Entry.Select(entry => entry.Resource).OfType<DocumentReference>()
                .SelectMany(document => document.RelatesTo.Where(relation => relation.Code == DocumentRelationshipType.Replaces))
                .Select(relation => Resolve(relation.Target, repository, out _))
                .OfType<DocumentReference>()
                .DistinctBy(document => document.Id)
                .ToList();
            var stored = TransactionProcessor.Execute(posts, repository, now);
            foreach (var target in targets)
            {
                var superseded = (DocumentReference)target.DeepCopy();
                superseded.Status = DocumentReferenceStatus.Superseded;
                MetadataPatchEndpoint.Bump(superseded, target, now);
                repository.Update(superseded);
            }

            var response = new Bundle { Id = stored.Id, Type = Bundle.BundleType.TransactionResponse };
            var next = 0;
            foreach (var entry in transaction.Entry)
            {
                response.Entry.Add(IsPatchEntry(entry)
                    ? new Bundle.EntryComponent { Response = new Bundle.ResponseComponent { Status = "200 OK", LastModified = now } }
                    : stored.Entry[next++]);
            }

            return response;
        }
    }

    private static FhirIssue? CheckPatchEntry(Bundle.EntryComponent entry, DocumentRepository repository, HashSet<string> replaced)
    {
        var url = entry.Request?.Url ?? string.Empty;
        DocumentReference? target = null;
        if (url.StartsWith("DocumentReference/", StringComparison.Ordinal))
        {
            target = repository.Find("DocumentReference", url["DocumentReference/".Length..]) as DocumentReference;
        }
        else if (url.StartsWith("DocumentReference?identifier=", StringComparison.Ordinal))
        {
            var token = Uri.UnescapeDataString(url["DocumentReference?identifier=".Length..]);
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var matches = bar > 0 ? MetadataPatchEndpoint.FindByIdentifier(repository, token[..bar], token[(bar + 1)..]) : [];
            target = matches.Count == 1 ? matches[0] : null;
        }

        var parameters = JsonNode.Parse(FhirJson.Serialize(entry.Resource!))!.AsObject();
        var patch = MetadataPatch.FromFhirPathPatch(parameters, new JsonObject(), out _);
        if (target?.Id is null || !replaced.Contains(target.Id) || patch is not { IsSupersede: true })
        {
            return new FhirIssue(FhirSimulatorFindings.SupersedePatchInvalid, OperationOutcome.IssueType.BusinessRule,
                $"L'entrée PATCH {url} doit passer à superseded (FHIRPath Patch replace DocumentReference.status) un document que ce lot remplace (relatesTo replaces).");
        }

        return null;
    }

    /// <summary>The stored DocumentReference a relatesTo target names, or <c>null</c> with why.</summary>
    private static DocumentReference? Resolve(ResourceReference? target, DocumentRepository repository, out Core.Findings.FindingDefinition? missing)
    {
        missing = null;
        var reference = target?.Reference;
        if (!string.IsNullOrEmpty(reference))
        {
            var marker = reference.LastIndexOf("DocumentReference/", StringComparison.Ordinal);
            var id = marker < 0 ? null : reference[(marker + "DocumentReference/".Length)..].Split('/')[0];
            if (id is not null && repository.Find("DocumentReference", id) is DocumentReference byId)
            {
                return byId;
            }

            missing = FhirSimulatorFindings.ReplacedDocumentUnknown;
            return null;
        }

        if (target?.Identifier is { Value.Length: > 0 } identifier)
        {
            var matches = MetadataPatchEndpoint.FindByIdentifier(repository, identifier.System ?? string.Empty, identifier.Value);
            if (matches.Count == 1)
            {
                return matches[0];
            }

            missing = FhirSimulatorFindings.ReplacedDocumentUnknown;
            return null;
        }

        missing = FhirSimulatorFindings.ReplacementTargetMissing;
        return null;
    }
}

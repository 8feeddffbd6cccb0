using System.Globalization;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// Carries out an ITI-65 transaction (IHE MHD, PDSm flow 01/02): checks every entry first (all problems, not the first
/// one), then stores every resource with a new id and answers a <c>transaction-response</c> with one entry per request
/// entry in the same order (domain.md §3.4, PDSM-07).
/// </summary>
internal static class TransactionProcessor
{
    /// <summary>The problems that make the whole transaction fail (FHIR transactions are atomic); empty when it can proceed.</summary>
    public static IReadOnlyList<FhirIssue> Check(Resource resource)
    {
        if (resource is not Bundle bundle)
        {
            return [new FhirIssue(
                FhirSimulatorFindings.NotABundle,
                OperationOutcome.IssueType.Invalid,
                $"ITI-65 attend une ressource Bundle de type transaction, reçu {resource.TypeName}.",
                resource.TypeName)];
        }

        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            var actual = bundle.TypeElement?.JsonValue?.ToString() ?? "absent";
            return [new FhirIssue(
                FhirSimulatorFindings.NotATransaction,
                OperationOutcome.IssueType.Invalid,
                $"ITI-65 attend Bundle.type = transaction, reçu {actual}.",
                "Bundle.type")];
        }

        var issues = new List<FhirIssue>();
        for (var index = 0; index < bundle.Entry.Count; index++)
        {
            var entry = bundle.Entry[index];
            var path = string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}]");
            if (entry.Request is null)
            {
                issues.Add(new FhirIssue(FhirSimulatorFindings.IncompleteEntry, OperationOutcome.IssueType.Required, "Entrée de transaction sans request.", path + ".request"));
                continue;
            }

            if (entry.Request.Method != Bundle.HTTPVerb.POST && !ReplacementRules.IsPatchEntry(entry))
            {
                issues.Add(new FhirIssue(
                    FhirSimulatorFindings.UnsupportedEntryMethod,
                    OperationOutcome.IssueType.NotSupported,
                    $"Le simulateur ne traite encore que les entrées POST (reçu {entry.Request.Method?.ToString() ?? "aucune méthode"}).",
                    path + ".request.method"));
            }
            else if (entry.Resource is null)
            {
                issues.Add(new FhirIssue(FhirSimulatorFindings.IncompleteEntry, OperationOutcome.IssueType.Required, "Entrée POST sans resource.", path + ".resource"));
            }
        }

        return issues;
    }

    /// <summary>
    /// Stores every entry's resource, all or none, and builds the transaction-response. Call only when <see cref="Check"/>
    /// found nothing.
    /// </summary>
    /// <exception cref="DuplicateDocumentException">A DocumentReference's masterIdentifier is already stored; nothing was stored.</exception>
    public static Bundle Execute(Bundle transaction, DocumentRepository repository, DateTimeOffset now)
    {
        // Note: FHIR R4 §3.1.0.11.2 (transaction processing) — references to an entry's fullUrl become references to the
        // new Type/id, so a DocumentReference's attachment.url points at its stored Binary.
        var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new List<(Resource Resource, string Id)>();
        foreach (var entry in transaction.Entry)
        {
            var resource = entry.Resource ?? throw new InvalidOperationException("Execute called on a transaction that fails Check.");
            var id = Guid.NewGuid().ToString("D");
            created.Add((resource, id));
            if (!string.IsNullOrEmpty(entry.FullUrl))
            {
                assigned[entry.FullUrl] = resource.TypeName + "/" + id;
            }
        }

        var response = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Bundle.BundleType.TransactionResponse,
        };
        foreach (var (resource, id) in created)
        {
            resource.Id = id;
            resource.Meta ??= new Meta();
            resource.Meta.VersionId = "1";
            resource.Meta.LastUpdated = now;
            ReferenceRewriter.Rewrite(resource, assigned);
            response.Entry.Add(new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent
                {
                    Status = "201 Created",
                    Location = $"{resource.TypeName}/{id}/_history/1",
                    Etag = "W/\"1\"",
                    LastModified = now,
                },
            });
        }

        // Note: all or nothing (FHIR R4 §3.1.0.11.2); a masterIdentifier already stored throws DuplicateDocumentException
        // and nothing of the transaction is kept.
        repository.AddAll([.. created.Select(item => item.Resource)]);
        return response;
    }
}

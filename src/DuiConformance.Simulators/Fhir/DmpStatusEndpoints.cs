using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The DMP existence and status query by INS (PDSm4DMP TD0.2, domain.md §3.4, §3.6) over <see cref="FhirSimulatorOptions.DmpRegistry"/>:
/// <c>GET [base]/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|&lt;NIR&gt;</c> answers an empty searchset (no DMP) or
/// one Patient whose <c>active</c> is the DMP status and whose <see cref="DmpPatientStatus.OppositionExtension"/> says
/// whether the usager opposed its feeding. Also the rule ITI-65 applies before storing anything.
/// </summary>
public static class DmpStatusEndpoints
{
    internal static RouteGroupBuilder MapDmpStatus(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient", QueryAsync).AddEndpointFilter(new AccessTokenFilter(DmpPatientStatus.Interaction));
        return fhir;
    }

    /// <summary>TD0.2: the searchset for the INS of <c>identifier</c>, or 400 with an OperationOutcome when it is unreadable.</summary>
    public static async Task<IResult> QueryAsync(HttpRequest request, EvidenceStore evidence, FhirSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, DmpPatientStatus.Interaction, cancellationToken).ConfigureAwait(false);
        var identifier = request.Query["identifier"];
        var unknown = request.Query.Keys.Where(key => key is not ("identifier" or "_format")).ToList();
        var token = identifier.Count == 1 ? identifier[0] ?? string.Empty : string.Empty;
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (unknown.Count > 0 || bar <= 0 || bar == token.Length - 1 || !DmpPatientStatus.InsSystems.Contains(token[..bar], StringComparer.Ordinal))
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status400BadRequest, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.InvalidSearchParameter,
                OperationOutcome.IssueType.Invalid,
                "La recherche du DMP attend un seul paramètre identifier=urn:oid:1.2.250.1.213.1.4.8|<INS> (OID d'INS, TD0.2)"
                    + (unknown.Count > 0 ? $" ; paramètre(s) non pris en charge : {string.Join(", ", unknown)}." : "."),
                "Patient.identifier"))).ConfigureAwait(false);
        }

        var system = token[..bar];
        var ins = token[(bar + 1)..];
        var status = options.DmpRegistry.StatusOf(ins);
        var bundle = new Bundle { Id = Guid.NewGuid().ToString("D"), Type = Bundle.BundleType.Searchset, Total = 0 };
        if (status != DmpStatus.Absent)
        {
            var patient = new Patient
            {
                Id = "dmp-" + ins,
                Identifier = [new Identifier(system, ins)],
                Active = status != DmpStatus.Closed,
                Extension = [new Extension(DmpPatientStatus.OppositionExtension, new FhirBoolean(status == DmpStatus.Opposed))],
            };
            bundle.Total = 1;
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{DocumentSharingEndpoints.BaseUrl(request)}/Patient/{patient.Id}",
                Resource = patient,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status200OK, bundle).ConfigureAwait(false);
    }

    /// <summary>
    /// The refusal of feeding a DMP that is absent, closed or opposed, judged on every INS the resources carry (Patient
    /// identifiers, logical subject identifiers), or <c>null</c> when feeding may go on (or no INS is given).
    /// </summary>
    public static FhirIssue? FeedingRefusal(DmpRegistry registry, IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var ins in InsOf(resources))
        {
            var issue = registry.StatusOf(ins) switch
            {
                DmpStatus.Absent => new FhirIssue(FhirSimulatorFindings.DmpAbsent, OperationOutcome.IssueType.NotFound,
                    $"Aucun DMP n'existe pour l'INS {ins} : le document n'est pas enregistré.", "Patient.identifier"),
                DmpStatus.Closed => new FhirIssue(FhirSimulatorFindings.DmpClosed, OperationOutcome.IssueType.BusinessRule,
                    $"Le DMP de l'INS {ins} est fermé : le document n'est pas enregistré.", "Patient.active"),
                DmpStatus.Opposed => new FhirIssue(FhirSimulatorFindings.DmpFeedingOpposed, OperationOutcome.IssueType.BusinessRule,
                    $"L'usager (INS {ins}) s'est opposé à l'alimentation de son DMP : le document n'est pas enregistré.", "Patient.extension"),
                _ => null,
            };
            if (issue is not null)
            {
                return issue;
            }
        }

        return null;
    }

    private static IEnumerable<string> InsOf(IEnumerable<Resource> resources)
    {
        foreach (var resource in resources)
        {
            var identifiers = resource switch
            {
                Patient patient => patient.Identifier,
                DocumentReference { Subject.Identifier: { } logical } => [logical],
                _ => [],
            };
            foreach (var identifier in identifiers)
            {
                if (identifier.System is { } system && DmpPatientStatus.InsSystems.Contains(system, StringComparer.Ordinal) && !string.IsNullOrWhiteSpace(identifier.Value))
                {
                    yield return identifier.Value;
                }
            }
        }
    }
}

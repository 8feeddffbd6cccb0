using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// An ITI-66 Find Document Lists query (IHE MHD 4.2.3, PDSm flows 05/06, domain.md §3.4) over the stored Lists (the
/// SubmissionSets and Folders ITI-65 and ITI-105 stored). Supported parameters: <c>patient</c>, <c>patient.identifier</c>,
/// <c>code</c> (<c>submissionset</c> or <c>folder</c>), <c>status</c>, <c>date</c> (prefixes eq, ne, gt, lt, ge, le),
/// <c>identifier</c>, <c>designationType</c>, <c>sourceId</c> and <c>source.identifier</c>. <c>patient</c> (or
/// <c>patient.identifier</c>) and <c>code</c> are required; any other parameter is refused (FHIR-5913).
/// </summary>
internal sealed class SubmissionSetSearch
{
    /// <summary>IHE MHD extension carrying the SubmissionSet's content type (PDSm: J03 / TRE_R209).</summary>
    public const string DesignationTypeExtension = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType";

    /// <summary>IHE MHD extension carrying the source system's OID.</summary>
    public const string SourceIdExtension = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId";

    /// <summary>The parameters this search implements, in the order the CapabilityStatement lists them.</summary>
    public static readonly IReadOnlyList<(string Name, SearchParamType Type)> Parameters =
    [
        ("patient", SearchParamType.Reference),
        ("patient.identifier", SearchParamType.Token),
        ("code", SearchParamType.Token),
        ("status", SearchParamType.Token),
        ("date", SearchParamType.Date),
        ("identifier", SearchParamType.Token),
        ("designationType", SearchParamType.Token),
        ("sourceId", SearchParamType.Token),
        ("source.identifier", SearchParamType.Token),
    ];

    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal) { "_format" };

    private readonly List<Func<List, DocumentRepository, bool>> _criteria = [];

    private SubmissionSetSearch()
    {
    }

    /// <summary>Reads the query; returns the search, or <c>null</c> with every problem found.</summary>
    public static SubmissionSetSearch? Parse(IQueryCollection query, out IReadOnlyList<FhirIssue> issues)
    {
        var problems = new List<FhirIssue>();
        var search = new SubmissionSetSearch();
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                var raw = value ?? string.Empty;
                var error = name switch
                {
                    "patient" => search.AddPatient(raw),
                    "patient.identifier" => search.AddTokens(name, raw, requireCode: true, (list, repository, tokens) => SearchPatient.IdentifierMatches(list.Subject, tokens, repository)),
                    "code" => search.AddTokens(name, raw, requireCode: true, (list, _, tokens) => SearchToken.AnyMatches(tokens, list.Code?.Coding ?? [])),
                    "status" => search.AddTokens(name, raw, requireCode: true, (list, _, tokens) => tokens.Any(token => token.Matches(null, list.Status?.GetLiteral()))),
                    "identifier" => search.AddTokens(name, raw, requireCode: false, (list, _, tokens) => SearchToken.AnyMatches(tokens, list.Identifier)),
                    "designationType" => search.AddTokens(name, raw, requireCode: false, (list, _, tokens) => SearchToken.AnyMatches(tokens, list.GetExtensionValue<CodeableConcept>(DesignationTypeExtension)?.Coding ?? [])),
                    "sourceId" => search.AddTokens(name, raw, requireCode: false, (list, _, tokens) => SearchToken.AnyMatches(tokens, [list.GetExtensionValue<Identifier>(SourceIdExtension)])),
                    "source.identifier" => search.AddTokens(name, raw, requireCode: true, (list, repository, tokens) => SearchToken.AnyMatches(tokens, SourceIdentifiers(list, repository))),
                    "date" => search.AddDate(raw),
                    _ when Neutral.Contains(name) => null,
                    _ => SearchIssues.Unsupported(name, Parameters.Select(parameter => parameter.Name), "List"),
                };
                if (error is not null)
                {
                    problems.Add(error);
                }
            }
        }

        // Note: IHE MHD ITI-66 (Find Document Lists) — the consumer names the patient and the kind of List it wants.
        var hasPatient = query.ContainsKey("patient") || query.ContainsKey("patient.identifier");
        if (!hasPatient || !query.ContainsKey("code"))
        {
            problems.Add(new FhirIssue(
                FhirSimulatorFindings.ListSearchCriteriaMissing,
                OperationOutcome.IssueType.Required,
                "Une recherche ITI-66 doit contenir patient (ou patient.identifier) et code (submissionset ou folder)."));
        }

        issues = problems;
        return problems.Count == 0 ? search : null;
    }

    /// <summary>The matching Lists, oldest first (then by id), for a stable order.</summary>
    public IReadOnlyList<List> Run(DocumentRepository repository) =>
    [
        .. repository.All.OfType<List>()
            .Where(list => _criteria.TrueForAll(criterion => criterion(list, repository)))
            .OrderBy(list => list.Meta?.LastUpdated ?? DateTimeOffset.MinValue)
            .ThenBy(list => list.Id, StringComparer.Ordinal),
    ];

    private FhirIssue? AddPatient(string value)
    {
        if (SearchPatient.ParseReferences(value) is not { } targets)
        {
            return SearchIssues.Invalid("patient", value, "une référence Patient/<id> est attendue");
        }

        _criteria.Add((list, _) => SearchPatient.ReferenceMatches(list.Subject, targets));
        return null;
    }

    private FhirIssue? AddTokens(string name, string value, bool requireCode, Func<List, DocumentRepository, IReadOnlyList<SearchToken>, bool> matches)
    {
        if (SearchToken.ParseList(value) is not { } tokens || (requireCode && tokens.Any(token => token.Code is null)))
        {
            return SearchIssues.Invalid(name, value, requireCode ? "un code (ou système|code) est attendu" : "système|code attendu");
        }

        _criteria.Add((list, repository) => matches(list, repository, tokens));
        return null;
    }

    private FhirIssue? AddDate(string value)
    {
        if (!SearchDate.TryParse(value, out var criterion))
        {
            return SearchIssues.Invalid("date", value, "un préfixe facultatif (eq, ne, gt, lt, ge, le) suivi d'une date FHIR est attendu");
        }

        _criteria.Add((list, _) => SearchDate.TryParseRange(list.Date, out var start, out var end) && criterion.Matches(start, end.AddTicks(-1)));
        return null;
    }

    /// <summary>
    /// The identifiers of the List's <c>source</c>: the logical identifier of the reference, and those of the contained or
    /// stored resource it points at (PractitionerRole, Practitioner, Device, Patient, Organization).
    /// </summary>
    private static IEnumerable<Identifier> SourceIdentifiers(List list, DocumentRepository repository)
    {
        if (list.Source is not { } source)
        {
            return [];
        }

        var identifiers = new List<Identifier>();
        if (source.Identifier is { } logical)
        {
            identifiers.Add(logical);
        }

        var target = source.Reference switch
        {
            null => null,
            ['#', .. var local] => list.Contained.FirstOrDefault(resource => resource.Id == local),
            var reference when reference.Split('/') is [.., var type, var id] => repository.Find(type, id),
            _ => null,
        };
        identifiers.AddRange(target switch
        {
            PractitionerRole role => role.Identifier,
            Practitioner practitioner => practitioner.Identifier,
            Device device => device.Identifier,
            Patient patient => patient.Identifier,
            Organization organization => organization.Identifier,
            _ => [],
        });
        return identifiers;
    }
}

using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// An ITI-67 Find Document References query (IHE MHD, PDSm, domain.md §3.4) over the stored DocumentReferences.
/// Supported parameters: <c>patient</c> (reference), <c>patient.identifier</c>, <c>status</c>, <c>type</c>,
/// <c>category</c>, <c>setting</c>, <c>facility</c>, <c>security-label</c>, <c>format</c> and PDSm's <c>isArchived</c>
/// (tokens), <c>date</c>, <c>period</c> and PDSm's <c>period-start</c> and <c>period-end</c> (dates, with the prefixes
/// eq, ne, gt, lt, ge, le). A comma inside one value is an OR, a repeated parameter an AND (FHIR R4 search
/// §3.1.1.5.3 / §3.1.1.4.x). Any other parameter is refused (FHIR-5913) rather than ignored, so a DUI never gets
/// silently wider results than it asked for.
/// </summary>
internal sealed class DocumentSearch
{
    /// <summary>The PDSm <c>isArchived</c> extension (PDSm 3.1.1, SearchParameter PDSm-isArchived).</summary>
    public const string IsArchivedExtension = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";

    /// <summary>The parameters this search implements, in the order the CapabilityStatement lists them.</summary>
    public static readonly IReadOnlyList<(string Name, SearchParamType Type)> Parameters =
    [
        ("patient", SearchParamType.Reference),
        ("patient.identifier", SearchParamType.Token),
        ("status", SearchParamType.Token),
        ("type", SearchParamType.Token),
        ("category", SearchParamType.Token),
        ("date", SearchParamType.Date),
        ("period", SearchParamType.Date),
        ("setting", SearchParamType.Token),
        ("facility", SearchParamType.Token),
        ("security-label", SearchParamType.Token),
        ("format", SearchParamType.Token),
        ("isArchived", SearchParamType.Token),
        ("period-start", SearchParamType.Date),
        ("period-end", SearchParamType.Date),
    ];

    /// <summary>Parameters that change nothing in the result and are accepted as such.</summary>
    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal) { "_format" };

    private readonly List<Func<DocumentReference, DocumentRepository, bool>> _criteria = [];

    private DocumentSearch()
    {
    }

    /// <summary>Reads the query; returns the search, or <c>null</c> with every problem found.</summary>
    public static DocumentSearch? Parse(IQueryCollection query, out IReadOnlyList<FhirIssue> issues)
    {
        var problems = new List<FhirIssue>();
        var search = new DocumentSearch();
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                var raw = value ?? string.Empty;
                var error = name switch
                {
                    "patient" => search.AddPatient(raw),
                    "patient.identifier" => search.AddPatientIdentifier(raw),
                    "status" => search.AddStatus(raw),
                    "type" => search.AddCodings(name, raw, document => document.Type?.Coding ?? []),
                    "category" => search.AddCodings(name, raw, document => document.Category.SelectMany(concept => concept.Coding)),
                    "setting" => search.AddCodings(name, raw, document => document.Context?.PracticeSetting?.Coding ?? []),
                    "facility" => search.AddCodings(name, raw, document => document.Context?.FacilityType?.Coding ?? []),
                    "security-label" => search.AddCodings(name, raw, document => document.SecurityLabel.SelectMany(concept => concept.Coding)),
                    "format" => search.AddCodings(name, raw, document => document.Content.Select(content => content.Format)),
                    "isArchived" => search.AddIsArchived(raw),
                    "date" => search.AddDate(name, raw, document => document.Date is { } date ? (date, date) : null),
                    "period" => search.AddDate(name, raw, document => Range(document.Context?.Period?.Start, document.Context?.Period?.End)),
                    "period-start" => search.AddDate(name, raw, document => Instant(document.Context?.Period?.Start)),
                    "period-end" => search.AddDate(name, raw, document => Instant(document.Context?.Period?.End)),
                    _ when Neutral.Contains(name) => null,
                    _ => SearchIssues.Unsupported(name, Parameters.Select(parameter => parameter.Name)),
                };
                if (error is not null)
                {
                    problems.Add(error);
                }
            }
        }

        // Note: IHE ITI TF-2 §3.67.4.1.2 / PDSm st_recherche_fiche.md — the query must carry the patient and the status.
        var hasPatient = query.ContainsKey("patient") || query.ContainsKey("patient.identifier");
        if (!hasPatient || !query.ContainsKey("status"))
        {
            problems.Add(new FhirIssue(
                FhirSimulatorFindings.SearchCriteriaMissing,
                OperationOutcome.IssueType.Required,
                "Une recherche ITI-67 doit contenir patient (ou patient.identifier) et status."));
        }

        issues = problems;
        return problems.Count == 0 ? search : null;
    }

    /// <summary>The matching DocumentReferences, oldest first (then by id), for a stable order.</summary>
    public IReadOnlyList<DocumentReference> Run(DocumentRepository repository) =>
    [
        .. repository.All.OfType<DocumentReference>()
            .Where(document => _criteria.TrueForAll(criterion => criterion(document, repository)))
            .OrderBy(document => document.Meta?.LastUpdated ?? DateTimeOffset.MinValue)
            .ThenBy(document => document.Id, StringComparer.Ordinal),
    ];

    private FhirIssue? AddPatient(string value)
    {
        if (SearchPatient.ParseReferences(value) is not { } targets)
        {
            return SearchIssues.Invalid("patient", value, "une référence Patient/<id> est attendue");
        }

        _criteria.Add((document, _) => SearchPatient.ReferenceMatches(document.Subject, targets));
        return null;
    }

    private FhirIssue? AddPatientIdentifier(string value)
    {
        if (SearchToken.ParseList(value) is not { } tokens || tokens.Any(token => token.Code is null))
        {
            return SearchIssues.Invalid("patient.identifier", value, "système|valeur attendu");
        }

        _criteria.Add((document, repository) => SearchPatient.IdentifierMatches(document.Subject, tokens, repository));
        return null;
    }

    private FhirIssue? AddStatus(string value)
    {
        var codes = Split(value).ToList();
        if (codes.Count == 0)
        {
            return SearchIssues.Invalid("status", value, "un code de statut est attendu (current, superseded, entered-in-error)");
        }

        _criteria.Add((document, _) => document.Status is { } status && codes.Contains(status.GetLiteral(), StringComparer.Ordinal));
        return null;
    }

    private FhirIssue? AddCodings(string name, string value, Func<DocumentReference, IEnumerable<Coding?>> codings)
    {
        if (SearchToken.ParseList(value) is not { } tokens)
        {
            return SearchIssues.Invalid(name, value, "système|code attendu");
        }

        _criteria.Add((document, _) => SearchToken.AnyMatches(tokens, codings(document)));
        return null;
    }

    private FhirIssue? AddIsArchived(string value)
    {
        var wanted = Split(value).ToList();
        if (wanted.Count == 0 || wanted.Exists(flag => flag is not ("true" or "false")))
        {
            return SearchIssues.Invalid("isArchived", value, "true ou false attendu");
        }

        // Note: a document without the PDSm isArchived extension counts as not archived — the simulator's reading of
        // PDSm, where the extension is optional and archiving is an explicit act; FHIR's strict token rule would make
        // isArchived=false match nothing a DUI ever sent.
        _criteria.Add((document, _) =>
        {
            var archived = document.GetExtensionValue<FhirBoolean>(IsArchivedExtension)?.Value ?? false;
            return wanted.Contains(archived ? "true" : "false", StringComparer.Ordinal);
        });
        return null;
    }

    private FhirIssue? AddDate(string name, string value, Func<DocumentReference, (DateTimeOffset? From, DateTimeOffset? To)?> target)
    {
        if (!SearchDate.TryParse(value, out var criterion))
        {
            return SearchIssues.Invalid(name, value, "un préfixe facultatif (eq, ne, gt, lt, ge, le) suivi d'une date FHIR est attendu");
        }

        _criteria.Add((document, _) => target(document) is { } range && criterion.Matches(range.From, range.To));
        return null;
    }

    /// <summary>A dateTime element as the range its precision covers, or <c>null</c> when absent or unreadable.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To)? Instant(string? value) =>
        SearchDate.TryParseRange(value, out var start, out var end) ? (start, end.AddTicks(-1)) : null;

    /// <summary>A Period as a range, an absent bound open; <c>null</c> when both are absent or one is unreadable.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To)? Range(string? start, string? end)
    {
        if (start is null && end is null)
        {
            return null;
        }

        DateTimeOffset? from = null, to = null;
        if (start is not null)
        {
            if (!SearchDate.TryParseRange(start, out var startFrom, out _))
            {
                return null;
            }

            from = startFrom;
        }

        if (end is not null)
        {
            if (!SearchDate.TryParseRange(end, out _, out var endTo))
            {
                return null;
            }

            to = endTo.AddTicks(-1);
        }

        return (from, to);
    }

    private static IEnumerable<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

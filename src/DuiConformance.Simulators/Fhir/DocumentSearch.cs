using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// An ITI-67 Find Document References query (IHE MHD, PDSm, domain.md §3.4) over the stored DocumentReferences.
/// Supported parameters: <c>patient</c> (reference), <c>patient.identifier</c> (token), <c>status</c> (token),
/// <c>type</c> (token) and <c>date</c> (with the prefixes eq, ne, gt, lt, ge, le). A comma inside one value is an OR,
/// a repeated parameter an AND (FHIR R4 search §3.1.1.5.3 / §3.1.1.4.x). Any other parameter is refused (FHIR-5913)
/// rather than ignored, so a DUI never gets silently wider results than it asked for.
/// </summary>
internal sealed class DocumentSearch
{
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
                    "type" => search.AddType(raw),
                    "date" => search.AddDate(raw),
                    _ when Neutral.Contains(name) => null,
                    _ => Unsupported(name),
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
        var targets = Split(value).Select(PatientKey).ToList();
        if (targets.Count == 0 || targets.Exists(target => target is null))
        {
            return Invalid("patient", value, "une référence Patient/<id> est attendue");
        }

        _criteria.Add((document, _) => PatientKey(document.Subject?.Reference) is { } subject && targets.Contains(subject, StringComparer.Ordinal));
        return null;
    }

    private FhirIssue? AddPatientIdentifier(string value)
    {
        var tokens = Split(value).Select(Token.Parse).ToList();
        if (tokens.Count == 0 || tokens.Exists(token => token is null || token.Code is null))
        {
            return Invalid("patient.identifier", value, "système|valeur attendu");
        }

        _criteria.Add((document, repository) =>
        {
            var identifiers = new List<Identifier>();
            if (document.Subject?.Identifier is { } logical)
            {
                identifiers.Add(logical);
            }

            if (PatientKey(document.Subject?.Reference) is { } key && repository.Find("Patient", key["Patient/".Length..]) is Patient patient)
            {
                identifiers.AddRange(patient.Identifier);
            }

            return identifiers.Exists(identifier => tokens.Exists(token => token!.Matches(identifier.System, identifier.Value)));
        });
        return null;
    }

    private FhirIssue? AddStatus(string value)
    {
        var codes = Split(value).ToList();
        if (codes.Count == 0)
        {
            return Invalid("status", value, "un code de statut est attendu (current, superseded, entered-in-error)");
        }

        _criteria.Add((document, _) => document.Status is { } status && codes.Contains(status.GetLiteral(), StringComparer.Ordinal));
        return null;
    }

    private FhirIssue? AddType(string value)
    {
        var tokens = Split(value).Select(Token.Parse).ToList();
        if (tokens.Count == 0 || tokens.Exists(token => token is null))
        {
            return Invalid("type", value, "système|code attendu");
        }

        _criteria.Add((document, _) => document.Type?.Coding.Exists(coding => tokens.Exists(token => token!.Matches(coding.System, coding.Code))) == true);
        return null;
    }

    private FhirIssue? AddDate(string value)
    {
        if (!DateCriterion.TryParse(value, out var criterion))
        {
            return Invalid("date", value, "un préfixe facultatif (eq, ne, gt, lt, ge, le) suivi d'une date FHIR est attendu");
        }

        _criteria.Add((document, _) => document.Date is { } date && criterion.Matches(date));
        return null;
    }

    /// <summary><c>Patient/&lt;id&gt;</c> from a relative or absolute reference or a bare id; <c>null</c> when it names another type.</summary>
    private static string? PatientKey(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.StartsWith('#'))
        {
            return null;
        }

        var segments = reference.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 4 && segments[^2] == "_history")
        {
            segments = segments[..^2];
        }

        return segments.Length switch
        {
            1 => "Patient/" + segments[0],
            _ when segments[^2] == "Patient" => "Patient/" + segments[^1],
            _ => null,
        };
    }

    private static IEnumerable<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static FhirIssue Invalid(string name, string value, string expected) => new(
        FhirSimulatorFindings.InvalidSearchParameter,
        OperationOutcome.IssueType.Invalid,
        $"Valeur illisible pour le paramètre {name} : « {value} » ({expected}).",
        name);

    private static FhirIssue Unsupported(string name) => new(
        FhirSimulatorFindings.UnsupportedSearchParameter,
        OperationOutcome.IssueType.NotSupported,
        $"Paramètre de recherche non pris en charge par le simulateur : {name} (pris en charge : patient, patient.identifier, status, type, date).",
        name);

    /// <summary>A token search value: <c>code</c>, <c>system|code</c>, <c>|code</c> (no system) or <c>system|</c> (any code).</summary>
    private sealed record Token(string? System, string? Code)
    {
        public static Token? Parse(string value)
        {
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                return value.Length == 0 ? null : new Token(null, value);
            }

            var system = value[..bar];
            var code = value[(bar + 1)..];
            return system.Length == 0 && code.Length == 0 ? null : new Token(system, code.Length == 0 ? null : code);
        }

        // Note: FHIR R4 search §3.1.1.4.9 — "|code" matches codes without a system; "system|" any code of the system.
        public bool Matches(string? system, string? code)
        {
            var systemMatches = System switch
            {
                null => true,
                "" => string.IsNullOrEmpty(system),
                _ => string.Equals(System, system, StringComparison.Ordinal),
            };
            return systemMatches && (Code is null || string.Equals(Code, code, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A date search value with its prefix. The value's precision makes it a range [start, end) (FHIR R4 search
    /// §3.1.1.4.2): <c>2026-03</c> is all of March 2026.
    /// </summary>
    private sealed record DateCriterion(string Prefix, DateTimeOffset Start, DateTimeOffset End)
    {
        private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le"];

        public static bool TryParse(string value, out DateCriterion criterion)
        {
            criterion = null!;
            var prefix = value.Length > 2 && Array.IndexOf(Prefixes, value[..2]) >= 0 ? value[..2] : "eq";
            var text = value.Length > 2 && Array.IndexOf(Prefixes, value[..2]) >= 0 ? value[2..] : value;
            const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
            DateTimeOffset start;
            DateTimeOffset end;
            switch (text.Length)
            {
                case 4 when DateTimeOffset.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, utc, out start):
                    end = start.AddYears(1);
                    break;
                case 7 when DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, utc, out start):
                    end = start.AddMonths(1);
                    break;
                case 10 when DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out start):
                    end = start.AddDays(1);
                    break;
                case > 10 when text[10] == 'T' && HasZone(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out start):
                    end = start.AddSeconds(1);
                    break;
                default:
                    return false;
            }

            criterion = new DateCriterion(prefix, start, end);
            return true;
        }

        public bool Matches(DateTimeOffset date) => Prefix switch
        {
            "eq" => date >= Start && date < End,
            "ne" => date < Start || date >= End,
            "gt" => date >= End,
            "lt" => date < Start,
            "ge" => date >= Start,
            "le" => date < End,
            _ => throw new InvalidOperationException($"Unknown date prefix {Prefix}."),
        };

        // Note: FHIR R4 §2.24.0.1 dateTime — a time must carry a zone (Z or ±hh:mm).
        private static bool HasZone(string text) => text.EndsWith('Z') || (text.Length > 19 && text[^6] is '+' or '-');
    }
}

using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The <c>patient</c> (reference) and <c>patient.identifier</c> (chained token) search parameters shared by ITI-66 and
/// ITI-67 (IHE MHD): a <c>subject</c> matches by its reference, or by the identifiers of the logical reference and of the
/// stored Patient it points at.
/// </summary>
internal static class SearchPatient
{
    /// <summary>The <c>Patient/&lt;id&gt;</c> keys of a <c>patient</c> value (comma = OR), or <c>null</c> when one names another type.</summary>
    public static IReadOnlyList<string>? ParseReferences(string value)
    {
        var targets = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Key).ToList();
        return targets.Count == 0 || targets.Exists(target => target is null) ? null : [.. targets.OfType<string>()];
    }

    /// <summary>True when the subject references one of <paramref name="keys"/>.</summary>
    public static bool ReferenceMatches(ResourceReference? subject, IReadOnlyList<string> keys) =>
        Key(subject?.Reference) is { } key && keys.Contains(key, StringComparer.Ordinal);

    /// <summary>True when the subject's logical identifier, or one of the stored Patient's identifiers, matches a token.</summary>
    public static bool IdentifierMatches(ResourceReference? subject, IReadOnlyList<SearchToken> tokens, DocumentRepository repository)
    {
        var identifiers = new List<Identifier>();
        if (subject?.Identifier is { } logical)
        {
            identifiers.Add(logical);
        }

        if (Key(subject?.Reference) is { } key && repository.Find("Patient", key["Patient/".Length..]) is Patient patient)
        {
            identifiers.AddRange(patient.Identifier);
        }

        return SearchToken.AnyMatches(tokens, identifiers);
    }

    /// <summary><c>Patient/&lt;id&gt;</c> from a relative or absolute reference or a bare id; <c>null</c> when it names another type.</summary>
    public static string? Key(string? reference)
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
}

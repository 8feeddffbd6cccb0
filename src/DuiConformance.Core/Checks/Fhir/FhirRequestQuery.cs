using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>The recorded FHIR requests of one interaction, and their query parameters read from the recorded path.</summary>
public static class FhirRequestQuery
{
    /// <summary>The <see cref="EvidenceKinds.FhirRequest"/> items whose interaction is <paramref name="interaction"/>, in recording order.</summary>
    public static IReadOnlyList<EvidenceItem> Requests(EvidenceSet evidence, string interaction)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return [.. evidence.OfKind(EvidenceKinds.FhirRequest)
            .Where(item => string.Equals(item.Property(FhirProperties.Interaction), interaction, StringComparison.Ordinal))
            .OrderBy(item => item.RecordedAt)];
    }

    /// <summary>The path part of a recorded path (<c>/DocumentReference?x=1</c> gives <c>/DocumentReference</c>).</summary>
    public static string PathOf(EvidenceItem request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Property(FhirProperties.Path) ?? string.Empty;
        var question = path.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? path : path[..question];
    }

    /// <summary>The decoded query parameters of a recorded path, in order (a repeated name appears several times).</summary>
    public static IReadOnlyList<(string Name, string Value)> Parameters(EvidenceItem request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Property(FhirProperties.Path) ?? string.Empty;
        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return [];
        }

        var parameters = new List<(string, string)>();
        foreach (var pair in path[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add((Decode(name), Decode(value)));
        }

        return parameters;
    }

    /// <summary>The response recorded for <paramref name="request"/> (same exchange), or <c>null</c>.</summary>
    public static EvidenceItem? ResponseTo(EvidenceSet evidence, EvidenceItem request)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(request);
        return evidence.OfKind(EvidenceKinds.FhirResponse)
            .FirstOrDefault(item => string.Equals(item.Property(FhirProperties.Related), request.Id, StringComparison.Ordinal));
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

using System.Collections;
using System.Globalization;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Compares instance values with ElementDefinition fixed[x] and pattern[x] values (FHIR R4 §ElementDefinition.pattern):
/// a pattern matches when every element it has is present with the same value in the instance (repeating pattern
/// elements each match some instance element); fixed means exactly equal. Primitives compare by their literal, so
/// a <c>code</c> equals a typed enumeration code with the same text.
/// </summary>
public static class PocoValueMatcher
{
    /// <summary>True when <paramref name="actual"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(Base actual, Base pattern)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern is PrimitiveType expected)
        {
            return actual is PrimitiveType found && string.Equals(Literal(found), Literal(expected), StringComparison.Ordinal)
                && ChildrenMatch(actual, pattern, skipValue: true);
        }

        return ChildrenMatch(actual, pattern, skipValue: false);
    }

    /// <summary>True when <paramref name="actual"/> equals <paramref name="fixedValue"/> exactly (no element more, none less).</summary>
    public static bool IsExactly(Base actual, Base fixedValue) => Matches(actual, fixedValue) && Matches(fixedValue, actual);

    /// <summary>The literal of a primitive (invariant culture), or <c>null</c>.</summary>
    public static string? Literal(PrimitiveType primitive)
    {
        ArgumentNullException.ThrowIfNull(primitive);
        return primitive.JsonValue switch
        {
            null => null,
            string text => text,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    /// <summary>A short display of a value for messages.</summary>
    public static string Display(Base value) => value switch
    {
        PrimitiveType primitive => Literal(primitive) ?? "(vide)",
        Coding coding => $"{coding.System}|{coding.Code}",
        CodeableConcept concept => string.Join(", ", concept.Coding.Select(coding => $"{coding.System}|{coding.Code}")),
        Identifier identifier => $"{identifier.System}|{identifier.Value}",
        _ => value.TypeName,
    };

    private static bool ChildrenMatch(Base actual, Base pattern, bool skipValue)
    {
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in actual.EnumerateElements())
        {
            found[key] = value;
        }

        foreach (var (key, expected) in pattern.EnumerateElements())
        {
            if (skipValue && string.Equals(key, "value", StringComparison.Ordinal))
            {
                continue;
            }

            if (!found.TryGetValue(key, out var value))
            {
                return false;
            }

            var candidates = Items(value);
            foreach (var item in Items(expected))
            {
                if (!candidates.Any(candidate => Matches(candidate, item)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<Base> Items(object value) => value switch
    {
        Base single => [single],
        IEnumerable list and not string => [.. list.OfType<Base>()],
        _ => [],
    };
}

using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Decides offline whether a code is in a loaded ValueSet: from its expansion when it has one, else from its compose
/// (concept lists, whole loaded CodeSystems, imported value sets; excludes subtract). The answer is three-valued:
/// <c>true</c>, <c>false</c>, or <c>null</c> when it cannot be decided without a terminology server (filters, a
/// CodeSystem not loaded, a value set not loaded).
/// </summary>
public sealed class ValueSetMembership(FhirDefinitionSet definitions)
{
    private const int MaxDepth = 8;

    /// <summary>Whether (<paramref name="system"/>, <paramref name="code"/>) is in the value set; a null system matches any system (a bare <c>code</c>).</summary>
    public bool? Contains(string valueSetUrl, string? system, string code) => Contains(valueSetUrl, system, code, 0);

    private bool? Contains(string valueSetUrl, string? system, string code, int depth)
    {
        var valueSet = definitions.FindValueSet(valueSetUrl);
        if (valueSet is null || depth > MaxDepth)
        {
            return null;
        }

        if (valueSet.Expansion?.Contains is { Count: > 0 } contains)
        {
            return InExpansion(contains, system, code);
        }

        if (valueSet.Compose is null)
        {
            return null;
        }

        bool? result = false;
        foreach (var include in valueSet.Compose.Include)
        {
            var included = Includes(include, system, code, depth);
            if (included == true)
            {
                result = true;
                break;
            }

            if (included is null)
            {
                result = null;
            }
        }

        if (result == true && valueSet.Compose.Exclude.Any(exclude => Includes(exclude, system, code, depth) == true && exclude.Concept.Count > 0))
        {
            return false;
        }

        return result;
    }

    private bool? Includes(ValueSet.ConceptSetComponent include, string? system, string code, int depth)
    {
        if (include.System is { Length: > 0 } includeSystem)
        {
            if (system is not null && !SameSystem(includeSystem, system))
            {
                return false;
            }

            bool? inSystem;
            if (include.Concept.Count > 0)
            {
                inSystem = include.Concept.Any(concept => string.Equals(concept.Code, code, StringComparison.Ordinal));
            }
            else if (include.Filter.Count > 0)
            {
                inSystem = null;
            }
            else
            {
                inSystem = InCodeSystem(includeSystem, code);
            }

            if (inSystem != true || include.ValueSetElement.Count == 0)
            {
                return inSystem;
            }
        }

        if (include.ValueSetElement.Count == 0)
        {
            return false;
        }

        // Note: several imported value sets in one include are intersected (FHIR R4 ValueSet.compose.include.valueSet).
        bool? all = true;
        foreach (var imported in include.ValueSet.OfType<string>())
        {
            var inImported = Contains(imported, system, code, depth + 1);
            if (inImported == false)
            {
                return false;
            }

            if (inImported is null)
            {
                all = null;
            }
        }

        return all;
    }

    private bool? InCodeSystem(string system, string code)
    {
        var codeSystem = definitions.FindCodeSystem(system);
        if (codeSystem is null)
        {
            return null;
        }

        if (Find(codeSystem.Concept, code))
        {
            return true;
        }

        return codeSystem.Content == CodeSystemContentMode.Complete ? false : null;
    }

    private static bool Find(List<CodeSystem.ConceptDefinitionComponent> concepts, string code) =>
        concepts.Any(concept => string.Equals(concept.Code, code, StringComparison.Ordinal) || Find(concept.Concept, code));

    private static bool InExpansion(List<ValueSet.ContainsComponent> contains, string? system, string code) =>
        contains.Any(entry => (string.Equals(entry.Code, code, StringComparison.Ordinal) && (system is null || SameSystem(entry.System, system)))
            || InExpansion(entry.Contains, system, code));

    private static bool SameSystem(string? left, string? right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        // Note: http/https variants of the same canonical (FR Core 2.0.0 vs 2.1.0) name one code system.
        static string? Strip(string? url) => url?.Replace("https://", string.Empty, StringComparison.Ordinal).Replace("http://", string.Empty, StringComparison.Ordinal);
        return string.Equals(Strip(left), Strip(right), StringComparison.Ordinal);
    }
}

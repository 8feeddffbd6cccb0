using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>Replaces references to transaction fullUrls (<c>urn:uuid:…</c>) by the server-assigned <c>Type/id</c>, everywhere in a resource.</summary>
internal static class ReferenceRewriter
{
    public static void Rewrite(Base element, IReadOnlyDictionary<string, string> assigned)
    {
        if (assigned.Count == 0)
        {
            return;
        }

        switch (element)
        {
            case ResourceReference reference when reference.Reference is { } target && assigned.TryGetValue(target, out var replacement):
                reference.Reference = replacement;
                break;
            case Attachment attachment when attachment.Url is { } url && assigned.TryGetValue(url, out var location):
                attachment.Url = location;
                break;
            default:
                break;
        }

        foreach (var (_, value) in element.EnumerateElements())
        {
            switch (value)
            {
                case Base child:
                    Rewrite(child, assigned);
                    break;
                case IEnumerable<Base> children:
                    foreach (var child in children)
                    {
                        Rewrite(child, assigned);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}

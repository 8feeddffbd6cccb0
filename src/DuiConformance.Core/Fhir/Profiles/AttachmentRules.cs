using System.Security.Cryptography;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Attachments that carry their data inline (ITI-105, FHIR R4 Attachment): the stated size must be the data's length and
/// the stated hash the SHA-1 of the data (FHIR R4 Attachment.size / Attachment.hash; domain.md §3.4).
/// </summary>
public static class AttachmentRules
{
    /// <summary>The size and hash issues of every attachment below <paramref name="root"/>.</summary>
    public static IEnumerable<ProfileIssue> Check(InstanceNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<InstanceNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Value is Attachment { Data: { } data } attachment)
            {
                if (attachment.SizeElement is { } sizeElement && long.TryParse(PocoValueMatcher.Literal(sizeElement), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
                    && size != data.Length)
                {
                    yield return Issue(FhirProfileFindings.AttachmentSize, node, "size", $"Taille déclarée {size} octets, données en ligne de {data.Length} octets.");
                }

                if (attachment.Hash is { Length: > 0 } hash && !hash.AsSpan().SequenceEqual(SHA1.HashData(data)))
                {
                    yield return Issue(FhirProfileFindings.AttachmentHash, node, "hash",
                        $"Empreinte déclarée {Convert.ToBase64String(hash)}, SHA-1 des données {Convert.ToBase64String(SHA1.HashData(data))}.");
                }

                continue;
            }

            foreach (var (_, child) in node.AllChildren())
            {
                pending.Push(child);
            }
        }
    }

    private static ProfileIssue Issue(FindingDefinition definition, InstanceNode at, string element, string message) =>
        new(definition, $"{at.Path}.{element}", $"Attachment.{element}", message, null, at.Resource.TypeName);
}

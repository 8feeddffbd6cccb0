using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The answer to a FHIR search (FHIR R4 §3.1.1.4, IHE MHD ITI-66/ITI-67): a <c>searchset</c> Bundle with <c>total</c>, the
/// <c>self</c> link of the query as received, and one <c>search.mode=match</c> entry per resource with its full URL.
/// </summary>
internal static class SearchsetBundle
{
    public static Bundle For<TResource>(HttpRequest request, string resourceType, IReadOnlyList<TResource> matches)
        where TResource : Resource
    {
        var baseUrl = DocumentSharingEndpoints.BaseUrl(request);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Bundle.BundleType.Searchset,
            Total = matches.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = baseUrl + "/" + resourceType + request.QueryString.Value }],
        };
        foreach (var match in matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = baseUrl + "/" + resourceType + "/" + match.Id,
                Resource = match,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return bundle;
    }
}

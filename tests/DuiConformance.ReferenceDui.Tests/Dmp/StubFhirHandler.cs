using System.Net;
using System.Text;

namespace DuiConformance.ReferenceDui.Tests.Dmp;

/// <summary>An in-memory DMP: records every request (method, URL, content type, body) and answers from a function.</summary>
internal sealed class StubFhirHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, string Url, string? ContentType, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.ToString(), request.Content?.Headers.ContentType?.MediaType, body));
        var (status, text) = answer(request);
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/fhir+json") };
    }
}

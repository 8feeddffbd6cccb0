using DuiConformance.Simulators.Fhir;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// The ITI-65 body reader: a declared Content-Length within the limit is read straight into an array of that size
/// (issue 9 §9), and anything the declaration does not cover still goes through the limit as before.
/// </summary>
public sealed class FhirRequestBodyTests
{
    [Test]
    public async Task Body_with_its_content_length_is_read_exactly()
    {
        var body = Bytes(5000);

        var read = await FhirRequestBody.ReadAsync(Request(body, body.Length), limit: 10_000, CancellationToken.None);

        read.ShouldBe(body);
    }

    [Test]
    public async Task Body_shorter_than_its_content_length_gives_what_arrived()
    {
        var body = Bytes(3000);

        var read = await FhirRequestBody.ReadAsync(Request(body, 4000), limit: 10_000, CancellationToken.None);

        read.ShouldBe(body);
    }

    [Test]
    public async Task Body_longer_than_its_content_length_is_read_whole_within_the_limit()
    {
        var body = Bytes(6000);

        var read = await FhirRequestBody.ReadAsync(Request(body, 2000), limit: 10_000, CancellationToken.None);

        read.ShouldBe(body);
    }

    [Test]
    public async Task Body_longer_than_its_content_length_and_the_limit_is_refused()
    {
        var body = Bytes(12_000);

        var read = await FhirRequestBody.ReadAsync(Request(body, 2000), limit: 10_000, CancellationToken.None);

        read.ShouldBeNull();
    }

    [Test]
    public async Task Declared_length_over_the_limit_is_refused_unread()
    {
        var body = Bytes(100);
        var request = Request(body, 20_000);

        var read = await FhirRequestBody.ReadAsync(request, limit: 10_000, CancellationToken.None);

        read.ShouldBeNull();
        request.Body.Position.ShouldBe(0);
    }

    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(index => (byte)(index % 251))];

    private static HttpRequest Request(byte[] body, long declared)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = declared;
        context.Request.Body = new MemoryStream(body, writable: false);
        return context.Request;
    }
}

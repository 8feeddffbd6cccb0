using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>Reads a request body up to a limit, never buffering more than the limit plus one read.</summary>
internal static class FhirRequestBody
{
    /// <summary>The body, or <c>null</c> when it is longer than <paramref name="limit"/> octets.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                await DrainAsync(request.Body, buffer.Length + read, limit, chunk, cancellationToken).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>
    /// Reads and drops the rest of an oversized body, up to <see cref="DrainFactor"/> times the limit in all, so the 413
    /// reaches a client still sending (closing on unread data would reset the connection before it reads the answer).
    /// A body larger still is left unread and Kestrel closes the connection after the answer.
    /// </summary>
    private static async Task DrainAsync(Stream body, long alreadyRead, long limit, byte[] chunk, CancellationToken cancellationToken)
    {
        var total = alreadyRead;
        try
        {
            while (total <= limit * DrainFactor)
            {
                var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                total += read;
            }
        }
        catch (BadHttpRequestException)
        {
            // Note: Kestrel's own limit (DrainFactor × limit + 1) was reached: the connection closes after the 413.
        }
    }

    /// <summary>How many times the limit an oversized body is read (and dropped) at most; Kestrel's limit is set just above.</summary>
    public const int DrainFactor = 2;
}

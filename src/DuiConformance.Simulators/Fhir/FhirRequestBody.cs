using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>Reads a request body up to a limit, never buffering more than the limit plus one read.</summary>
internal static class FhirRequestBody
{
    /// <summary>How many times the limit an oversized body is read (and dropped) at most; Kestrel's limit is set just above.</summary>
    public const int DrainFactor = 2;

    /// <summary>The body, or <c>null</c> when it is longer than <paramref name="limit"/> octets.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var chunk = new byte[16 * 1024];
        using var buffer = new MemoryStream();
        if (request.ContentLength is > 0 and var declared)
        {
            // Note: the usual case, a declared length within the limit, is read straight into an array of that size
            // (no intermediate copies: fhir-ingest stage breakdown, issue 9 §9); anything past it goes the general way.
            var body = new byte[declared];
            var filled = 0;
            while (filled < body.Length)
            {
                var read = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body[..filled];
                }

                filled += read;
            }

            var more = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (more == 0)
            {
                return body;
            }

            buffer.Write(body);
            if (buffer.Length + more > limit)
            {
                await DrainAsync(request.Body, buffer.Length + more, limit, chunk, cancellationToken).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, more);
        }

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
}

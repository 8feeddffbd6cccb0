using System.Text;

namespace DuiConformance.Simulators.Tests.Support;

/// <summary>Sends raw IMAP command lines and reads responses up to the tagged completion (STYLE.md rule 20, IMAP side).</summary>
public sealed class ScriptedImapClient(Stream stream) : IAsyncDisposable
{
    private readonly List<byte> _pending = [];

    public async Task SendAsync(string line) => await SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    public async Task SendRawAsync(byte[] octets)
    {
        await stream.WriteAsync(octets).AsTask().WithTimeout("imap client write");
        await stream.FlushAsync().WithTimeout("imap client flush");
    }

    /// <summary>Reads lines until one starts with <paramref name="tag"/> + space (or, for <c>*</c>, one untagged line).</summary>
    public async Task<List<string>> ReadUntilTaggedAsync(string tag)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            lines.Add(line);
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return lines;
            }
        }
    }

    public async Task<List<string>> RoundTripAsync(string tag, string command)
    {
        await SendAsync(tag + " " + command);
        return await ReadUntilTaggedAsync(tag);
    }

    public async Task<string> ReadLineAsync()
    {
        var one = new byte[1];
        while (true)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString([.. _pending.Take(newline)]).TrimEnd('\r');
                _pending.RemoveRange(0, newline + 1);
                return line;
            }

            var read = await stream.ReadAsync(one).AsTask().WithTimeout("imap server line");
            if (read == 0)
            {
                throw new EndOfStreamException("The IMAP server closed the connection.");
            }

            _pending.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync() => await stream.DisposeAsync();
}

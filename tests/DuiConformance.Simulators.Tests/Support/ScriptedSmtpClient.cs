using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.Simulators.Tests.Support;

/// <summary>
/// The mirror image of MailKit's SmtpReplayStream (STYLE.md rule 20): sends scripted client lines to a session and
/// asserts the exact reply lines. Works over any stream: in-memory pipes or a real socket.
/// </summary>
public sealed class ScriptedSmtpClient : IAsyncDisposable
{
    private Stream _stream;
    private readonly List<byte> _pending = [];

    public ScriptedSmtpClient(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The lines of every reply read so far, for diagnostics.</summary>
    public List<string> Received { get; } = [];

    public Task SendAsync(string line) => SendRawAsync(Encoding.ASCII.GetBytes(line + "\r\n"));

    public async Task SendRawAsync(byte[] octets)
    {
        await _stream.WriteAsync(octets).AsTask().WithTimeout("client write");
        await _stream.FlushAsync().WithTimeout("client flush");
    }

    /// <summary>Reads one complete (possibly multi-line) reply.</summary>
    public async Task<string[]> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            lines.Add(line);
            Received.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Reads the next reply and asserts its exact lines.</summary>
    public async Task ExpectAsync(params string[] expected)
    {
        var reply = await ReadReplyAsync();
        reply.ShouldBe(expected, $"after: {string.Join(" | ", Received)}");
    }

    /// <summary>Sends a command and asserts the exact reply lines.</summary>
    public async Task RoundTripAsync(string command, params string[] expected)
    {
        await SendAsync(command);
        await ExpectAsync(expected);
    }

    /// <summary>Runs the client side of TLS, accepting only the certificate with the given SHA-256 fingerprint.</summary>
    public async Task StartTlsAsync(string sha256Fingerprint)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == sha256Fingerprint,
        }).WithTimeout("TLS handshake");
        _stream = tls;
    }

    /// <summary>Closes the connection abruptly (the server reads end of stream).</summary>
    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    private async Task<string> ReadLineAsync()
    {
        var one = new byte[1];
        while (true)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString([.. _pending.Take(newline)]).TrimEnd('\r');
                _pending.RemoveRange(0, newline + 1);
                return line;
            }

            // Note: one octet at a time, so nothing past the reply is consumed before a TLS upgrade.
            var read = await _stream.ReadAsync(one).AsTask().WithTimeout("server reply");
            if (read == 0)
            {
                throw new EndOfStreamException($"The server closed the connection; received so far: {string.Join(" | ", Received)}");
            }

            _pending.Add(one[0]);
        }
    }
}

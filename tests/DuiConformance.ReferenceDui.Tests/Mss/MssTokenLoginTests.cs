using System.Net;
using System.Net.Sockets;
using System.Text;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Tests.Dmp;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace DuiConformance.ReferenceDui.Tests.Mss;

[Category("Network")]
[Description("A Pro Santé Connect token the operator refuses (revoked) is discarded and never presented again (domain.md §8.5 MSS-04, DUI-SEC-04).")]
public class MssTokenLoginTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test]
    public async Task The_cached_token_is_reused_until_invalidated_and_invalidating_another_token_keeps_it()
    {
        var (tokens, _) = Tokens();

        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-1");
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-1");
        tokens.Invalidate("token-9");
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-1");
        tokens.Invalidate("token-1");
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-2");
    }

    [Test]
    public async Task A_refused_token_is_discarded_and_the_login_is_retried_once_with_a_fresh_token()
    {
        var (tokens, handler) = Tokens();
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-1");
        await using var server = new ScriptedSmtpServer(refused: "token-1");
        using var client = new SmtpClient { Timeout = (int)Limit.TotalMilliseconds };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None).WaitAsync(Limit);

        var token = await new MssTokenLogin(tokens).LogInAsync(client, "dui@test", CancellationToken.None).WaitAsync(Limit);

        token.ShouldBe("token-2");
        server.Presented.ShouldBe(["token-1", "token-2"]);
        handler.Requests.Count.ShouldBe(2);
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-2");
    }

    [Test]
    public async Task With_the_reuses_revoked_token_defect_the_refused_token_is_presented_again_then_dropped()
    {
        var (tokens, _) = Tokens();
        await using var server = new ScriptedSmtpServer(refused: "token-1");
        using var client = new SmtpClient { Timeout = (int)Limit.TotalMilliseconds };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None).WaitAsync(Limit);

        await Should.ThrowAsync<AuthenticationException>(() => new MssTokenLogin(tokens, reusesRevokedToken: true).LogInAsync(client, "dui@test", CancellationToken.None).WaitAsync(Limit));

        server.Presented.ShouldBe(["token-1", "token-1"]);
        (await tokens.GetAsync(CancellationToken.None)).AccessToken.ShouldBe("token-2");
    }

    /// <summary>A token client whose PSC hands out token-1, token-2, … (one hour each).</summary>
    private static (PscTokenClient Tokens, StubFhirHandler Handler) Tokens()
    {
        var issued = 0;
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK, $$"""{"access_token":"token-{{++issued}}","token_type":"Bearer","expires_in":3600}"""));
        var http = new HttpClient(handler);
        return (new PscTokenClient(http, "http://127.0.0.1:1/token", "client", "secret", "user", "password", TimeProvider.System), handler);
    }

    /// <summary>A loopback SMTP server offering XOAUTH2 that refuses one token (RFC 7628 error challenge, then 535) and accepts the others.</summary>
    private sealed class ScriptedSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;
        private readonly string _refused;

        public ScriptedSmtpServer(string refused)
        {
            _refused = refused;
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Presented { get; } = [];

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving.WaitAsync(Limit);
        }

        private async Task ServeAsync()
        {
            try
            {
                using var connection = await _listener.AcceptTcpClientAsync();
                using var stream = connection.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 scripted.test ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("250-scripted.test");
                        await writer.WriteLineAsync("250 AUTH XOAUTH2");
                    }
                    else if (line.StartsWith("AUTH XOAUTH2", StringComparison.OrdinalIgnoreCase))
                    {
                        var parts = line.Split(' ');
                        var response = parts.Length > 2 ? parts[2] : await ChallengeAsync(reader, writer, string.Empty);
                        var text = Encoding.UTF8.GetString(Convert.FromBase64String(response));
                        var token = text.Split('\u0001').Single(pair => pair.StartsWith("auth=Bearer ", StringComparison.Ordinal))["auth=Bearer ".Length..];
                        Presented.Add(token);
                        if (token == _refused)
                        {
                            await ChallengeAsync(reader, writer, Convert.ToBase64String("""{"status":"401","schemes":"bearer","scope":"openid scope_all"}"""u8));
                            await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                        }
                        else
                        {
                            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        }
                    }
                    else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("221 bye");
                        break;
                    }
                    else
                    {
                        await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                // Note: the client went away; the assertions are on what was presented.
            }
        }

        private static async Task<string> ChallengeAsync(StreamReader reader, StreamWriter writer, string challenge)
        {
            await writer.WriteLineAsync("334 " + challenge);
            return await reader.ReadLineAsync() ?? string.Empty;
        }
    }
}

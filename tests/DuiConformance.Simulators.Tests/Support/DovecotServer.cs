using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DuiConformance.Simulators.Tests.Support;

/// <summary>
/// A throw-away dovecot (Debian package dovecot-imapd) on loopback, STARTTLS with the given certificate, one static
/// user, maildir in a temporary folder: the reference the issue names for unclear IMAP behaviour.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";

    private readonly string _root;
    private readonly string _config;

    private DovecotServer(string root, string config, int port)
    {
        _root = root;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public static bool IsInstalled => !OperatingSystem.IsWindows() && File.Exists(Binary);

    public static async Task<DovecotServer> StartAsync(SimulatorCertificate certificate, string user, string password)
    {
        var root = Path.Combine(Path.GetTempPath(), "dui-dovecot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "home"), (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }
        File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.PublicPem);
        using (var key = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPrivateKey(certificate.Certificate)!)
        {
            File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(root, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{root}}/run
            log_path = {{root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <{{root}}/cert.pem
            ssl_key = <{{root}}/key.pem
            ssl_min_protocol = TLSv1.2
            disable_plaintext_auth = yes
            auth_mechanisms = plain
            mail_location = maildir:{{root}}/home/%u/Maildir
            first_valid_uid = 1
            passdb {
              driver = static
              args = password={{password}}
            }
            userdb {
              driver = static
              args = uid=dovecot gid=dovecot home={{root}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        _ = user;
        using var start = Process.Start(new ProcessStartInfo(Binary) { ArgumentList = { "-c", config }, UseShellExecute = false })!;
        await start.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return new DovecotServer(root, config, port);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = Process.Start(new ProcessStartInfo(Binary) { ArgumentList = { "-c", _config, "stop" }, UseShellExecute = false })!)
        {
            await stop.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}

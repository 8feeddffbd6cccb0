using System.Text.Json;
using DuiConformance.ReferenceDui.Hooks;

namespace DuiConformance.ReferenceDui.Tests.Hooks;

[Description("profiles/hooks/openapi.yaml, POST configure: the simulators' facts replace the reference DUI's settings.")]
public sealed class HooksConfigurationReaderTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-hooks-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private ReferenceDuiSettings Current => new() { DatabasePath = Path.Combine(_directory, "dui.db"), SmtpPort = 587 };

    [Test]
    public void Endpoints_credentials_and_certificates_replace_the_settings()
    {
        using var body = JsonDocument.Parse("""
            {"fhir":{"base":"http://127.0.0.1:5001/fhir"},
             "psc":{"tokenEndpoint":"http://127.0.0.1:5002/token","clientId":"c","clientSecret":"s","username":"u","password":"p"},
             "smtp":{"host":"127.0.0.1","port":2525,"user":"mbox","password":"pw","address":"a@b.mssante.fr"},
             "insi":{"endpoint":"https://127.0.0.1:5003/insi","clientCertificatePkcs12":"AQID","clientCertificatePassword":"k","serverCertificatePem":"PEM-INSI"},
             "trustedCertificatesPem":["PEM-SMTP"]}
            """);

        var (settings, error) = HooksConfigurationReader.Read(body.RootElement, Current);

        error.ShouldBeNull();
        settings.ShouldNotBeNull().ShouldSatisfyAllConditions(
            () => settings.FhirBaseUrl.ShouldBe("http://127.0.0.1:5001/fhir"),
            () => settings.PscTokenEndpoint.ShouldBe("http://127.0.0.1:5002/token"),
            () => settings.PscPassword.ShouldBe("p"),
            () => settings.SmtpPort.ShouldBe(2525),
            () => settings.SmtpUser.ShouldBe("mbox"),
            () => settings.SenderAddress.ShouldBe("a@b.mssante.fr"),
            () => settings.InsiEndpoint.ShouldBe("https://127.0.0.1:5003/insi"),
            () => File.ReadAllBytes(settings.InsiClientCertificatePath!).ShouldBe(new byte[] { 1, 2, 3 }),
            () => File.ReadAllText(settings.InsiTrustedServerCertificatePath!).ShouldBe("PEM-INSI"),
            () => File.ReadAllText(settings.TrustedServerCertificatePath!).ShouldBe("PEM-SMTP"),
            () => Path.GetDirectoryName(settings.TrustedServerCertificatePath).ShouldBe(_directory));
    }

    [Test]
    public void The_imap_mailbox_replaces_the_retrieval_settings()
    {
        using var body = JsonDocument.Parse("""{"imap":{"host":"127.0.0.1","port":1143,"user":"mbox","password":"pw"}}""");

        var (settings, error) = HooksConfigurationReader.Read(body.RootElement, Current);

        error.ShouldBeNull();
        settings.ShouldNotBeNull().ShouldSatisfyAllConditions(
            () => settings.ImapHost.ShouldBe("127.0.0.1"),
            () => settings.ImapPort.ShouldBe(1143),
            () => settings.ImapUser.ShouldBe("mbox"),
            () => settings.ImapPassword.ShouldBe("pw"));
    }

    [Test]
    public void A_client_certificate_that_is_not_base64_is_refused_with_a_reason()
    {
        using var body = JsonDocument.Parse("""{"insi":{"clientCertificatePkcs12":"not base64 !"}}""");

        var (settings, error) = HooksConfigurationReader.Read(body.RootElement, Current);

        settings.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("base64");
    }

    [Test]
    public void A_body_that_is_not_an_object_is_refused()
    {
        using var body = JsonDocument.Parse("[1,2]");

        HooksConfigurationReader.Read(body.RootElement, Current).Error.ShouldNotBeNull();
    }

    [Test]
    public void Absent_sections_keep_the_current_settings()
    {
        using var body = JsonDocument.Parse("{}");

        var (settings, _) = HooksConfigurationReader.Read(body.RootElement, Current);

        settings.ShouldBe(Current);
    }
}

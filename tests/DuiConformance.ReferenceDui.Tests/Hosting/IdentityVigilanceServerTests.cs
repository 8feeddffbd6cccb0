using System.Net;
using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui.Tests.Hosting;

[Category("Network")]
[Description("The identity-vigilance buttons of the reference DUI, driven over HTTP like a browser would (domain.md §2.1).")]
public sealed class IdentityVigilanceServerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private string _databasePath = null!;

    [SetUp]
    public void CreateDatabasePath() => _databasePath = Path.Combine(Path.GetTempPath(), $"refdui-ident-{Guid.NewGuid():N}.sqlite");

    [TearDown]
    public void DeleteDatabase()
    {
        if (File.Exists(_databasePath))
        {
            File.Delete(_databasePath);
        }
    }

    private static readonly Dictionary<string, string> ProvisionalForm = new()
    {
        ["birthName"] = "MARTINEAU",
        ["birthGivenNames"] = "HELENE MARIE LOUISE",
        ["sex"] = "F",
        ["birthDate"] = "1942-05-17",
        ["birthPlace"] = "69123",
        ["identityStatus"] = "PROV",
    };

    private async Task<(RunningReferenceDui Dui, HttpClient Browser, string UsagerId)> StartWithProvisionalUsagerAsync()
    {
        var dui = await ReferenceDuiServer.StartAsync(new ReferenceDuiSettings { DatabasePath = _databasePath }, CancellationToken.None).WaitAsync(Limit);
        var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = dui.BaseAddress, Timeout = Limit };
        var created = await browser.PostAsync("/usagers/nouveau", new FormUrlEncodedContent(ProvisionalForm)).WaitAsync(Limit);
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var page = await browser.GetStringAsync(created.Headers.Location).WaitAsync(Limit);
        return (dui, browser, Regex.Match(page, "data-testid=\"usager-id\">([^<]+)<").Groups[1].Value);
    }

    [Test]
    public async Task The_record_offers_the_insi_look_up_and_the_document_check_which_validates_a_provisional_identity()
    {
        var (dui, browser, id) = await StartWithProvisionalUsagerAsync();
        await using (dui)
        using (browser)
        {
            var record = await browser.GetStringAsync($"/usagers/{id}").WaitAsync(Limit);
            var validated = await browser.PostAsync($"/usagers/{id}/identite/validation", new FormUrlEncodedContent([])).WaitAsync(Limit);
            var page = await validated.Content.ReadAsStringAsync().WaitAsync(Limit);

            record.ShouldContain("Rechercher l&#39;INS (INSi)");
            record.ShouldNotContain("Vérifier l&#39;INS (INSi)");
            validated.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("Identité validée par une pièce d&#39;identité à haut niveau de confiance. Statut : Validée (VALI).");
        }
    }

    [Test]
    public async Task A_look_up_without_insi_configured_says_so_and_changes_nothing()
    {
        var (dui, browser, id) = await StartWithProvisionalUsagerAsync();
        await using (dui)
        using (browser)
        {
            var response = await browser.PostAsync($"/usagers/{id}/insi/recherche", new FormUrlEncodedContent([])).WaitAsync(Limit);
            var page = await response.Content.ReadAsStringAsync().WaitAsync(Limit);

            page.ShouldContain("Aucun téléservice INSi n&#39;est configuré");
            page.ShouldContain("Provisoire (PROV)");
        }
    }

    [Test]
    public async Task An_insi_endpoint_without_client_certificate_refuses_to_start()
    {
        var settings = new ReferenceDuiSettings { DatabasePath = _databasePath, InsiEndpoint = "https://127.0.0.1:1/insi", InsiClientCertificatePath = "/nonexistent.p12" };

        var exception = await Should.ThrowAsync<ArgumentException>(() => ReferenceDuiServer.StartAsync(settings, CancellationToken.None).WaitAsync(Limit));

        exception.Message.ShouldContain("InsiClientCertificatePath");
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui.Tests.Hosting;

[Category("Network")]
[Description("The reference DUI's MSSanté pages: visibility restriction, Mon espace santé sends refused before any SMTP exchange, opposition.")]
public sealed class MssPatientMessagingServerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private string _databasePath = null!;

    [SetUp]
    public void CreateDatabasePath() =>
        _databasePath = Path.Combine(Path.GetTempPath(), $"refdui-mss-{Guid.NewGuid():N}.sqlite");

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    private static HttpClient Browser(RunningReferenceDui dui) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = dui.BaseAddress, Timeout = Limit };

    private static async Task<(string UsagerId, string DocumentId)> CreateUsagerAndDluAsync(HttpClient browser)
    {
        var created = await browser.PostAsync("/usagers/nouveau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["birthName"] = "MARTINEAU",
            ["birthGivenNames"] = "HELENE MARIE LOUISE",
            ["sex"] = "F",
            ["birthDate"] = "1942-05-17",
            ["birthPlace"] = "69123",
            ["identityStatus"] = "VALI",
        })).WaitAsync(Limit);
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var usagerPage = await browser.GetStringAsync(created.Headers.Location).WaitAsync(Limit);
        var usagerId = TestId(usagerPage, "usager-id");
        var generated = await browser.PostAsync($"/usagers/{usagerId}/dlu", new FormUrlEncodedContent([])).WaitAsync(Limit);
        var withDocument = await browser.GetStringAsync(generated.Headers.Location).WaitAsync(Limit);
        return (usagerId, TestId(withDocument, "document-id"));
    }

    private static string TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">([^<]+)<");
        match.Success.ShouldBeTrue($"data-testid={testId} absent");
        return match.Groups[1].Value;
    }

    [Test]
    public async Task A_usager_without_a_qualified_ins_cannot_be_written_to_in_mon_espace_sante()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(new ReferenceDuiSettings { DatabasePath = _databasePath }, CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);
        var (_, documentId) = await CreateUsagerAndDluAsync(browser);

        var sent = await browser.PostAsync($"/documents/{documentId}/mssante-usager", new FormUrlEncodedContent(new Dictionary<string, string> { ["blockReplies"] = "on" })).WaitAsync(Limit);

        sent.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await sent.Content.ReadAsStringAsync().WaitAsync(Limit);
        page.ShouldContain("Envoi refusé : l&#39;identité de l&#39;usager n&#39;est pas qualifiée");
    }

    [Test]
    public async Task The_restriction_is_saved_and_shown_and_an_unknown_one_is_refused()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(new ReferenceDuiSettings { DatabasePath = _databasePath }, CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);
        var (_, documentId) = await CreateUsagerAndDluAsync(browser);

        var saved = await browser.PostAsync($"/documents/{documentId}/restriction", new FormUrlEncodedContent(new Dictionary<string, string> { ["restriction"] = "INVISIBLE_PATIENT" })).WaitAsync(Limit);
        var refused = await browser.PostAsync($"/documents/{documentId}/restriction", new FormUrlEncodedContent(new Dictionary<string, string> { ["restriction"] = "SECRET" })).WaitAsync(Limit);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync().WaitAsync(Limit)).ShouldContain("data-testid=\"restriction\">Restriction actuelle : INVISIBLE_PATIENT<");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_usager_opposition_is_recorded_and_shown_on_the_record()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(new ReferenceDuiSettings { DatabasePath = _databasePath }, CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);
        var (usagerId, _) = await CreateUsagerAndDluAsync(browser);

        var posted = await browser.PostAsync($"/usagers/{usagerId}/opposition-mss", new FormUrlEncodedContent(new Dictionary<string, string> { ["opposition"] = "on" })).WaitAsync(Limit);
        var record = await browser.GetStringAsync($"/usagers/{usagerId}").WaitAsync(Limit);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        record.ShouldContain("L'usager s'oppose aux envois dans sa messagerie Mon espace santé.");
    }
}

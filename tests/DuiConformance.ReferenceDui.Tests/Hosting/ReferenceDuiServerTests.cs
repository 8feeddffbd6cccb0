using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui.Tests.Hosting;

[Category("Network")]
[Description("The reference DUI started in-process on loopback, driven over HTTP like a browser would.")]
public class ReferenceDuiServerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private string _databasePath = null!;

    [SetUp]
    public void CreateDatabasePath() =>
        _databasePath = Path.Combine(Path.GetTempPath(), $"refdui-test-{Guid.NewGuid():N}.sqlite");

    [TearDown]
    public void DeleteDatabase()
    {
        if (File.Exists(_databasePath))
        {
            File.Delete(_databasePath);
        }
    }

    private ReferenceDuiSettings Settings(Uri? fhirBase = null, params string[] defects) => new()
    {
        DatabasePath = _databasePath,
        FhirBaseUrl = fhirBase?.ToString(),
        Defects = defects,
    };

    private static HttpClient Browser(RunningReferenceDui dui) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = dui.BaseAddress, Timeout = Limit };

    private static readonly Dictionary<string, string> ValidatedForm = new()
    {
        ["birthName"] = "MARTINEAU",
        ["usedName"] = "LEFEBVRE",
        ["birthGivenNames"] = "HELENE MARIE LOUISE",
        ["sex"] = "F",
        ["birthDate"] = "1942-05-17",
        ["birthPlace"] = "69123",
        ["identityStatus"] = "VALI",
        ["medecinTraitant"] = "Dr Paul GIRARD",
        ["traitements"] = "Paracétamol 1 g si douleur",
        ["directives"] = "",
        ["allergies"] = "Pénicilline",
    };

    /// <summary>Creates the usager and the DLU through the forms; returns the document id.</summary>
    private static async Task<string> CreateUsagerAndDluAsync(HttpClient browser)
    {
        var created = await browser.PostAsync("/usagers/nouveau", new FormUrlEncodedContent(ValidatedForm)).WaitAsync(Limit);
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var usagerPage = await browser.GetStringAsync(created.Headers.Location).WaitAsync(Limit);
        usagerPage.ShouldContain("<p role=\"status\" class=\"status\">Usager enregistré</p>");
        var usagerId = TestId(usagerPage, "usager-id");

        var generated = await browser.PostAsync($"/usagers/{usagerId}/dlu", new FormUrlEncodedContent([])).WaitAsync(Limit);
        generated.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var withDocument = await browser.GetStringAsync(generated.Headers.Location).WaitAsync(Limit);
        withDocument.ShouldContain("DLU généré");
        return TestId(withDocument, "document-id");
    }

    private static string TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">([^<]+)<");
        match.Success.ShouldBeTrue($"data-testid={testId} absent");
        return match.Groups[1].Value;
    }

    [Test]
    public async Task Publishing_posts_an_iti65_bundle_and_shows_the_success_message()
    {
        await using var fhir = await FakeFhirRecipient.StartAsync();
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(fhir.FhirBase), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var documentId = await CreateUsagerAndDluAsync(browser);
        var published = await browser.PostAsync($"/documents/{documentId}/dmp", new FormUrlEncodedContent([])).WaitAsync(Limit);
        var page = await published.Content.ReadAsStringAsync().WaitAsync(Limit);
        var (contentType, body) = await fhir.Received.WaitAsync(Limit);

        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("<p role=\"status\" class=\"status\">Document publié au DMP</p>");
        contentType.ShouldStartWith("application/fhir+json");
        var bundle = JsonNode.Parse(body)!;
        var entries = bundle["entry"]!.AsArray();
        var binary = Convert.FromBase64String(entries[2]!["resource"]!["data"]!.GetValue<string>());
        var attachment = entries[1]!["resource"]!["content"]![0]!["attachment"]!;
        bundle.ShouldSatisfyAllConditions(
            () => bundle["type"]!.GetValue<string>().ShouldBe("transaction"),
            () => entries.Select(e => e!["resource"]!["resourceType"]!.GetValue<string>()).ShouldBe(["List", "DocumentReference", "Binary", "Patient"]),
            () => attachment["hash"]!.GetValue<string>().ShouldBe(Convert.ToBase64String(SHA1.HashData(binary))),
            () => attachment["size"]!.GetValue<int>().ShouldBe(binary.Length),
            () => attachment["url"]!.GetValue<string>().ShouldBe(entries[2]!["fullUrl"]!.GetValue<string>()),
            () => entries[3]!["resource"]!["identifier"]!.AsArray().Select(i => i!["system"]!.GetValue<string>())
                .ShouldNotContain(system => system.StartsWith("urn:oid:1.2.250.1.213.1.4.", StringComparison.Ordinal), "a VALI identity carries no INS"));
    }

    [Test]
    public async Task A_refused_publication_shows_the_operation_outcome_as_an_alert()
    {
        await using var fhir = await FakeFhirRecipient.StartAsync();
        fhir.Refuse = true;
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(fhir.FhirBase), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var documentId = await CreateUsagerAndDluAsync(browser);
        var published = await browser.PostAsync($"/documents/{documentId}/dmp", new FormUrlEncodedContent([])).WaitAsync(Limit);
        var page = await published.Content.ReadAsStringAsync().WaitAsync(Limit);

        published.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        page.ShouldContain("role=\"alert\"");
        page.ShouldContain("HTTP 422");
        page.ShouldContain("Hash SHA-1 incohérent avec le Binary");
        page.ShouldNotContain("Document publié au DMP</p>");
    }

    [Test]
    public async Task The_hash_mismatch_defect_reaches_the_wire()
    {
        await using var fhir = await FakeFhirRecipient.StartAsync();
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(fhir.FhirBase, ReferenceDuiDefects.DmpHashMismatch), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var documentId = await CreateUsagerAndDluAsync(browser);
        await browser.PostAsync($"/documents/{documentId}/dmp", new FormUrlEncodedContent([])).WaitAsync(Limit);
        var (_, body) = await fhir.Received.WaitAsync(Limit);
        var entries = JsonNode.Parse(body)!["entry"]!.AsArray();
        var binary = Convert.FromBase64String(entries[2]!["resource"]!["data"]!.GetValue<string>());

        entries[1]!["resource"]!["content"]![0]!["attachment"]!["hash"]!.GetValue<string>()
            .ShouldNotBe(Convert.ToBase64String(SHA1.HashData(binary)));
    }

    [TestCase("QUAL", "")]
    [TestCase("RECUP", "")]
    [TestCase("VALI", "242056912345661")]
    [TestCase("QUAL", "242056912345661")]
    public async Task A_forged_post_with_a_retrieved_or_qualified_status_or_a_typed_ins_is_refused_and_nothing_is_stored(string status, string ins)
    {
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);
        var form = new Dictionary<string, string>(ValidatedForm) { ["identityStatus"] = status, ["ins"] = ins };

        var response = await browser.PostAsync("/usagers/nouveau", new FormUrlEncodedContent(form)).WaitAsync(Limit);
        var page = await response.Content.ReadAsStringAsync().WaitAsync(Limit);
        var list = await browser.GetStringAsync("/").WaitAsync(Limit);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("role=\"alert\"");
        page.ShouldContain(status == "VALI"
            ? "Le matricule INS ne se saisit pas"
            : "ne peut pas être créée récupérée (RECUP) ni qualifiée (QUAL)");
        list.ShouldContain("La liste des usagers est vide.");
    }

    [Test]
    public async Task The_new_usager_form_offers_only_provisional_or_validated_and_no_ins_field()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var page = await browser.GetStringAsync("/usagers/nouveau").WaitAsync(Limit);
        var options = Regex.Matches(page, "<option value=\"([A-Z]+)\"").Select(m => m.Groups[1].Value).Where(v => v is not ("F" or "M")).ToList();

        options.ShouldBe(["PROV", "VALI"]);
        page.ShouldNotContain("id=\"ins\"");
    }

    [Test]
    public async Task A_reprise_stores_a_retrieved_identity_with_its_ins_and_refuses_a_wrong_key()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);
        var reprise = new Dictionary<string, string>(ValidatedForm) { ["identityStatus"] = "RECUP", ["ins"] = TestData.QualifiedIns };

        var refused = await browser.PostAsync("/usagers/reprise", new FormUrlEncodedContent(new Dictionary<string, string>(reprise) { ["ins"] = "242056912345600" })).WaitAsync(Limit);
        var refusedPage = await refused.Content.ReadAsStringAsync().WaitAsync(Limit);
        var created = await browser.PostAsync("/usagers/reprise", new FormUrlEncodedContent(reprise)).WaitAsync(Limit);
        var record = await browser.GetStringAsync(created.Headers.Location).WaitAsync(Limit);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusedPage.ShouldContain("clé du matricule INS est incorrecte");
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        record.ShouldContain("Récupérée (RECUP)");
        record.ShouldContain(TestData.QualifiedIns);
    }

    [Test]
    public async Task The_form_labels_every_input()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var page = await browser.GetStringAsync("/usagers/nouveau").WaitAsync(Limit);
        var ids = Regex.Matches(page, "<(?:input|select|textarea)[^>]* id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        ids.Count.ShouldBe(16);
        ids.ShouldAllBe(id => page.Contains($"<label for=\"{id}\">"));
        page.ShouldContain("<button type=\"submit\">Enregistrer l&#39;usager</button>");
    }

    [Test]
    public async Task About_lists_name_version_and_defects()
    {
        await using var dui = await ReferenceDuiServer.StartAsync(Settings(null, ReferenceDuiDefects.CdaMissingRealm), CancellationToken.None).WaitAsync(Limit);
        using var browser = Browser(dui);

        var about = JsonNode.Parse(await browser.GetStringAsync("/about").WaitAsync(Limit))!;

        about["name"]!.GetValue<string>().ShouldBe("DUI de référence DuiConformance");
        about["version"]!.GetValue<string>().ShouldBe("0.1.0");
        about["defects"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["cda-missing-realm"]);
        dui.BaseAddress.Host.ShouldBe("127.0.0.1");
        dui.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task An_unknown_defect_is_refused_at_start_with_the_known_ones_listed()
    {
        var error = await Should.ThrowAsync<ArgumentException>(
            () => ReferenceDuiServer.StartAsync(Settings(null, "no-such-defect"), CancellationToken.None).WaitAsync(Limit));

        error.Message.ShouldContain("no-such-defect");
        error.Message.ShouldContain("xdm-missing-metadata, cda-missing-realm, dmp-hash-mismatch");
    }

    [TestCase("http://0.0.0.0:0")]
    [TestCase("http://192.0.2.10:8080")]
    public async Task A_non_loopback_address_is_refused(string urls)
    {
        var error = await Should.ThrowAsync<ArgumentException>(
            () => ReferenceDuiServer.StartAsync(Settings() with { Urls = urls }, CancellationToken.None).WaitAsync(Limit));

        error.Message.ShouldContain("bouclage");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using DuiConformance.ReferenceDui.Hooks;

namespace DuiConformance.ReferenceDui.Tests.Hooks;

[Category("Network")]
[Description("profiles/hooks/openapi.yaml, POST actions/{action}: the verbs beyond the first eight, through the DUI's services, failing when the page's assertion would.")]
public sealed class HookActionsServerTests
{
    private const string Secret = "hooks-test-secret";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private string _databasePath = null!;

    [SetUp]
    public void CreateDatabasePath() =>
        _databasePath = Path.Combine(Path.GetTempPath(), $"refdui-hooks-{Guid.NewGuid():N}.sqlite");

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    private async Task<(RunningReferenceDui Dui, HttpClient Hooks)> StartAsync()
    {
        var dui = await ReferenceDuiServer.StartAsync(new ReferenceDuiSettings { DatabasePath = _databasePath, HooksSecret = Secret }, CancellationToken.None).WaitAsync(Limit);
        var hooks = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(dui.BaseAddress, "conformance-hooks/v1/"), Timeout = Limit };
        hooks.DefaultRequestHeaders.Add("X-Conformance-Hooks-Secret", Secret);
        return (dui, hooks);
    }

    private static async Task<JsonElement> ActAsync(HttpClient hooks, string action, Dictionary<string, string> vars, Dictionary<string, string>? parameters = null, Dictionary<string, string>? data = null)
    {
        using var response = await hooks.PostAsJsonAsync("actions/" + action, new { scenario = "test", step = action, data = data ?? [], parameters = parameters ?? [], vars }).WaitAsync(Limit);
        ((int)response.StatusCode).ShouldBe(200);
        return (await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Limit)).Clone();
    }

    private static async Task<(string UsagerId, string DocumentId)> CreateUsagerAndDluAsync(HttpClient hooks)
    {
        var usager = await ActAsync(hooks, "create-usager", [], data: new Dictionary<string, string>
        {
            ["usager.birthName"] = "MARTINEAU",
            ["usager.birthGivenNames"] = "HELENE MARIE LOUISE",
            ["usager.sex"] = "F",
            ["usager.birthDate"] = "1942-05-17",
            ["usager.birthPlace"] = "69123",
            ["usager.identityStatus"] = "VALI",
        });
        var usagerId = usager.GetProperty("vars").GetProperty("usagerId").GetString()!;
        var document = await ActAsync(hooks, "create-document", new() { ["usagerId"] = usagerId });
        return (usagerId, document.GetProperty("vars").GetProperty("documentId").GetString()!);
    }

    [Test]
    public async Task Info_offers_every_verb_of_the_hooks_contract()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            var info = await hooks.GetFromJsonAsync<JsonElement>("info").WaitAsync(Limit);

            info.GetProperty("actions").EnumerateArray().Select(action => action.GetString()).ShouldBe(HookActions.Supported);
            HookActions.Supported.ShouldBe(
                ["create-usager", "import-usager", "lookup-ins", "verify-ins", "qualify-identity", "create-document", "publish-dmp", "send-mss",
                 "search-dmp", "replace-document", "mask-document", "attempt-publish-dmp", "send-mss-patient", "restrict-document",
                 "record-mss-opposition", "receive-and-file", "show-received", "show-receipts", "attempt-send-mss",
                 "publish-simplified"],
                ignoreOrder: true);
        }
    }

    [Test]
    public async Task Restrict_document_saves_a_known_restriction_and_refuses_an_unknown_one()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            var (_, documentId) = await CreateUsagerAndDluAsync(hooks);

            var saved = await ActAsync(hooks, "restrict-document", new() { ["documentId"] = documentId }, new() { ["restriction"] = "INVISIBLE_PATIENT" });
            var refused = await ActAsync(hooks, "restrict-document", new() { ["documentId"] = documentId }, new() { ["restriction"] = "SECRET" });

            saved.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
            saved.GetProperty("message").GetString().ShouldBe("Restriction enregistrée : INVISIBLE_PATIENT.");
            refused.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
            refused.GetProperty("message").GetString().ShouldBe("Restriction inconnue : « SECRET ».");
        }
    }

    [Test]
    public async Task Send_mss_patient_succeeds_only_when_the_refusal_shows_the_expected_text()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            // Note: a VALI identity has no qualified INS, so the DUI refuses before any SMTP exchange (domain.md §4.1).
            var (_, documentId) = await CreateUsagerAndDluAsync(hooks);
            var vars = new Dictionary<string, string> { ["documentId"] = documentId };

            var expectedRefusal = await ActAsync(hooks, "send-mss-patient", vars, new() { ["expect"] = "Envoi refusé" });
            var expectedSend = await ActAsync(hooks, "send-mss-patient", vars, new() { ["expect"] = "Message envoyé" });
            var noExpectation = await ActAsync(hooks, "send-mss-patient", vars);

            expectedRefusal.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
            expectedRefusal.GetProperty("message").GetString().ShouldStartWith("Envoi refusé : l'identité de l'usager n'est pas qualifiée");
            expectedSend.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
            expectedSend.GetProperty("message").GetString().ShouldStartWith("Texte attendu « Message envoyé » absent : Envoi refusé");
            noExpectation.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        }
    }

    [Test]
    public async Task Record_mss_opposition_records_the_choice_and_can_withdraw_it()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            var (usagerId, _) = await CreateUsagerAndDluAsync(hooks);

            var recorded = await ActAsync(hooks, "record-mss-opposition", new() { ["usagerId"] = usagerId });
            var withdrawn = await ActAsync(hooks, "record-mss-opposition", new() { ["usagerId"] = usagerId }, new() { ["opposition"] = "false" });
            var unknown = await ActAsync(hooks, "record-mss-opposition", new() { ["usagerId"] = "999" });

            recorded.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
            recorded.GetProperty("message").GetString().ShouldBe("L'usager s'oppose aux envois dans sa messagerie Mon espace santé.");
            withdrawn.GetProperty("message").GetString().ShouldBe("Aucune opposition enregistrée.");
            unknown.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
            unknown.GetProperty("message").GetString().ShouldBe("Usager introuvable (vars.usagerId = « 999 »).");
        }
    }

    [Test]
    public async Task Show_received_and_show_receipts_fail_when_nothing_was_received()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            var (usagerId, documentId) = await CreateUsagerAndDluAsync(hooks);

            var received = await ActAsync(hooks, "show-received", new() { ["usagerId"] = usagerId }, new() { ["expect"] = "Lettre de liaison à la sortie" });
            var receipts = await ActAsync(hooks, "show-receipts", new() { ["documentId"] = documentId });

            received.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
            received.GetProperty("message").GetString().ShouldBe("Texte attendu « Lettre de liaison à la sortie » absent : 0 message(s) reçu(s) classé(s) dans le dossier de l'usager.");
            receipts.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
            receipts.GetProperty("message").GetString().ShouldBe(
                "Accusé(s) attendu(s) absent(s) : « Accusé de lecture : traité », « Accusé de remise : remis » (aucun accusé reçu pour ce document).");
        }
    }

    [Test]
    public async Task Replace_document_returns_the_new_version_id_even_when_the_dmp_is_unreachable()
    {
        var (dui, hooks) = await StartAsync();
        await using (dui)
        using (hooks)
        {
            // Note: no FHIR base is configured, so the publication fails; the page still names the new version.
            var (_, documentId) = await CreateUsagerAndDluAsync(hooks);

            var replaced = await ActAsync(hooks, "replace-document", new() { ["documentId"] = documentId });

            var newId = replaced.GetProperty("vars").GetProperty("documentId").GetString();
            replaced.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
            newId.ShouldNotBe(documentId);
            replaced.GetProperty("message").GetString().ShouldStartWith($"Nouvelle version du document non publiée au DMP (document n° {newId})");
        }
    }
}

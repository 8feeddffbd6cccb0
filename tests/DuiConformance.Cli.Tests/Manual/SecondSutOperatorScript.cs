using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;

namespace DuiConformance.Cli.Tests.Manual;

/// <summary>
/// What a person at the second SUT would do for each instruction of the manual driver, done through its native
/// operation interface (tests/DuiConformance.SecondSut/README.md, <c>/api/…</c>), never through its test hooks: first the
/// settings screen (the connection facts the driver printed, certificates read from the files it names), then one
/// request per instruction, remembering the numbers the second SUT gave back as a person would read them on screen.
/// </summary>
internal sealed class SecondSutOperatorScript : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Uri _base;
    private readonly IReadOnlyDictionary<string, ScenarioDefinition> _scenarios;
    private readonly Func<ScriptedOperator> _operator;
    private bool _configured;
    private string _scenario = string.Empty;
    private string? _usagerId;
    private string? _documentId;

    /// <param name="baseAddress">The second SUT's address.</param>
    /// <param name="scenarios">The scenarios of the run, by id (their data is what the instructions show).</param>
    /// <param name="scriptedOperator">The operator whose screen holds the printed connection facts.</param>
    public SecondSutOperatorScript(Uri baseAddress, IEnumerable<ScenarioDefinition> scenarios, Func<ScriptedOperator> scriptedOperator)
    {
        _base = baseAddress;
        _scenarios = scenarios.ToDictionary(scenario => scenario.Id, StringComparer.Ordinal);
        _operator = scriptedOperator;
        Actions = new Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>>(StringComparer.Ordinal)
        {
            ["create-usager"] = AdmitAsync,
            ["lookup-ins"] = (prompt, ct) => PostAsync(prompt, () => $"api/residents/{_usagerId}/insi", null, ct),
            ["qualify-identity"] = (prompt, ct) => PostAsync(prompt, () => $"api/residents/{_usagerId}/identity-document", null, ct),
            ["create-document"] = (prompt, ct) => PostAsync(prompt, () => $"api/residents/{_usagerId}/dlu", null, ct),
            ["publish-dmp"] = (prompt, ct) => PostAsync(prompt, () => $"api/documents/{_documentId}/dmp", null, ct),
            ["send-mss"] = (prompt, ct) => PostAsync(prompt, () => $"api/documents/{_documentId}/mssante", new JsonObject { ["recipient"] = Value(prompt, "recipient") }, ct),
        };
    }

    /// <summary>One delegate per verb, for <see cref="ScriptedOperator"/>.</summary>
    public IReadOnlyDictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>> Actions { get; }

    public void Dispose() => _http.Dispose();

    private Task<string> AdmitAsync(ManualPrompt prompt, CancellationToken ct)
    {
        Enter(prompt);
        var resident = new JsonObject();
        foreach (var (key, value) in _scenarios[prompt.Scenario].Data.Values.Where(pair => pair.Key.StartsWith("usager.", StringComparison.Ordinal)))
        {
            resident[key["usager.".Length..]] = value;
        }

        return PostAsync(prompt, () => "api/residents", resident, ct);
    }

    private async Task<string> PostAsync(ManualPrompt prompt, Func<string> path, JsonObject? body, CancellationToken ct)
    {
        Enter(prompt);
        await ConfigureOnceAsync(ct);
        using var response = await _http.PostAsJsonAsync(new Uri(_base, path()), body ?? [], ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct) ?? [];
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            return "n " + (answer["message"]?.ToString() ?? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
        }

        _usagerId = answer["usagerId"]?.ToString() ?? _usagerId;
        _documentId = answer["documentId"]?.ToString() ?? _documentId;
        return "o";
    }

    /// <summary>The settings screen: what the driver printed before the first scenario, typed into the second SUT.</summary>
    private async Task ConfigureOnceAsync(CancellationToken ct)
    {
        if (_configured)
        {
            return;
        }

        var script = _operator();
        string Fact(string label) => script.Fact(label) ?? throw new InvalidOperationException($"connection fact « {label} » not printed");

        // Note: two facts share the label "Certificat du serveur à approuver": the MSSanté one is printed first, INSi's last.
        var certificateLabel = ManualTexts.FactMarker + "Certificat du serveur à approuver : ";
        var certificates = script.Transcript.Where(line => line.StartsWith(certificateLabel, StringComparison.Ordinal)).Select(line => line[certificateLabel.Length..]).ToList();
        var smtp = Fact("Serveur SMTP (soumission, STARTTLS)").Split(':');
        var links = new JsonObject
        {
            ["fhir"] = new JsonObject { ["base"] = Fact("Base FHIR") },
            ["psc"] = new JsonObject
            {
                ["tokenEndpoint"] = Fact("Point de jeton"),
                ["clientId"] = Fact("Identifiant client"),
                ["clientSecret"] = Fact("Secret client"),
                ["username"] = Fact("Professionnel de test (RPPS)"),
                ["password"] = Fact("Mot de passe du professionnel"),
            },
            ["smtp"] = new JsonObject
            {
                ["host"] = smtp[0],
                ["port"] = int.Parse(smtp[1], CultureInfo.InvariantCulture),
                ["user"] = Fact("Utilisateur"),
                ["password"] = Fact("Mot de passe"),
                ["address"] = Fact("Adresse de la boîte"),
            },
            ["insi"] = new JsonObject
            {
                ["endpoint"] = Fact("Point d'accès"),
                ["clientCertificatePkcs12"] = Convert.ToBase64String(await File.ReadAllBytesAsync(Fact("Certificat client (PKCS#12)"), ct)),
                ["clientCertificatePassword"] = Fact("Mot de passe du certificat client"),
                ["serverCertificatePem"] = await File.ReadAllTextAsync(certificates[^1], ct),
            },
            ["trustedCertificatesPem"] = new JsonArray(await File.ReadAllTextAsync(certificates[0], ct)),
        };
        using var response = await _http.PostAsJsonAsync(new Uri(_base, "api/links"), links, ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!answer.TryGetProperty("succeeded", out var succeeded) || !succeeded.GetBoolean())
        {
            throw new InvalidOperationException("the second SUT refused its settings: " + answer);
        }

        _configured = true;
    }

    private string Value(ManualPrompt prompt, string key) => _scenarios[prompt.Scenario].Data.Values.GetValueOrDefault(key, string.Empty);

    private void Enter(ManualPrompt prompt)
    {
        if (prompt.Scenario != _scenario)
        {
            _scenario = prompt.Scenario;
            _usagerId = null;
            _documentId = null;
        }
    }
}

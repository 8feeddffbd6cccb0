using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;

namespace DuiConformance.Cli.Tests.Manual;

/// <summary>
/// What a person at the reference DUI's web pages would do for each instruction of the manual driver, done with plain
/// form posts: the DUI's address is read from the connection facts the driver prints, the usager's traits from the
/// scenario, and the ids of what was created from the pages' redirects (the person would see them on screen).
/// </summary>
internal sealed partial class ReferenceDuiOperatorScript : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IReadOnlyDictionary<string, ScenarioDefinition> _scenarios;
    private readonly Func<string?> _baseAddress;
    private string _scenario = string.Empty;
    private string? _usagerId;
    private string? _documentId;

    /// <param name="scenarios">The scenarios the run will ask for, by id (their data is what the instructions show).</param>
    /// <param name="baseAddress">Reads the DUI's address from the printed connection facts.</param>
    public ReferenceDuiOperatorScript(IEnumerable<ScenarioDefinition> scenarios, Func<string?> baseAddress)
    {
        _scenarios = scenarios.ToDictionary(scenario => scenario.Id, StringComparer.Ordinal);
        _baseAddress = baseAddress;
        Actions = new Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>>(StringComparer.Ordinal)
        {
            ["create-usager"] = (prompt, ct) => SaveUsagerAsync(prompt, "/usagers/nouveau", ct),
            ["import-usager"] = (prompt, ct) => SaveUsagerAsync(prompt, "/usagers/reprise", ct),
            ["lookup-ins"] = (prompt, ct) => PostAsync(prompt, $"/usagers/{_usagerId}/insi/recherche", [], ct),
            ["verify-ins"] = (prompt, ct) => PostAsync(prompt, $"/usagers/{_usagerId}/insi/verification", [], ct),
            ["qualify-identity"] = (prompt, ct) => PostAsync(prompt, $"/usagers/{_usagerId}/identite/validation", [], ct),
            ["create-document"] = CreateDocumentAsync,
            ["publish-dmp"] = (prompt, ct) => PostAsync(prompt, $"/documents/{_documentId}/dmp", [], ct),
            ["send-mss"] = (prompt, ct) => PostAsync(prompt, $"/documents/{_documentId}/mssante", [new("recipient", Value(prompt, "recipient"))], ct),
        };
    }

    /// <summary>One delegate per verb, for <see cref="ScriptedOperator"/>.</summary>
    public IReadOnlyDictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>> Actions { get; }

    public void Dispose() => _http.Dispose();

    private async Task<string> SaveUsagerAsync(ManualPrompt prompt, string path, CancellationToken ct)
    {
        string[] fields = ["birthName", "usedName", "birthGivenNames", "sex", "birthDate", "birthPlace", "ins", "identityStatus", "medecinTraitant", "traitements", "directives", "allergies"];
        var form = fields.Select(field => new KeyValuePair<string, string>(field, Value(prompt, "usager." + field))).ToList();
        using var response = await SendAsync(path, form, ct);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var match = UsagerLocation().Match(location);
        if (response.StatusCode != HttpStatusCode.SeeOther || !match.Success)
        {
            return string.Create(CultureInfo.InvariantCulture, $"n le DUI a refusé le dossier (HTTP {(int)response.StatusCode})");
        }

        _usagerId = match.Groups[1].Value;
        return "o";
    }

    private async Task<string> CreateDocumentAsync(ManualPrompt prompt, CancellationToken ct)
    {
        Enter(prompt);
        using var response = await SendAsync($"/usagers/{_usagerId}/dlu", [], ct);
        var match = DocumentLocation().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        if (response.StatusCode != HttpStatusCode.SeeOther || !match.Success)
        {
            return string.Create(CultureInfo.InvariantCulture, $"n le DLU n'a pas été généré (HTTP {(int)response.StatusCode})");
        }

        _documentId = match.Groups[1].Value;
        return "o";
    }

    private async Task<string> PostAsync(ManualPrompt prompt, string path, List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        Enter(prompt);
        using var response = await SendAsync(path, form, ct);
        return response.IsSuccessStatusCode
            ? "o"
            : string.Create(CultureInfo.InvariantCulture, $"n la page a répondu HTTP {(int)response.StatusCode}");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var root = _baseAddress() ?? throw new InvalidOperationException("the connection facts did not give the DUI's address");
        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(new Uri(new Uri(root), path), content, ct);
    }

    private string Value(ManualPrompt prompt, string key)
    {
        Enter(prompt);
        return _scenarios[prompt.Scenario].Data.Values.GetValueOrDefault(key, string.Empty);
    }

    private void Enter(ManualPrompt prompt)
    {
        if (prompt.Scenario != _scenario)
        {
            _scenario = prompt.Scenario;
            _usagerId = null;
            _documentId = null;
        }
    }

    [GeneratedRegex(@"^/usagers/(\d+)\?")]
    private static partial Regex UsagerLocation();

    [GeneratedRegex(@"[?&]document=(\d+)")]
    private static partial Regex DocumentLocation();
}

using DuiConformance.Core;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Cli.Running;

/// <summary>
/// A system-under-test preset, <c>profiles/suts/&lt;id&gt;/sut.yaml</c>: the built-in reference DUI (started by the
/// harness) or an external DUI (<c>external: true</c>) that the editor starts, reached at <see cref="Url"/> or
/// <c>--sut-url</c>, whose test hooks share the secret held in the environment variable <see cref="HooksSecretEnv"/>.
/// </summary>
/// <param name="Id">Preset id (the folder name).</param>
/// <param name="Name">Product name shown when the DUI does not report one.</param>
/// <param name="External">True when the harness does not start the DUI itself.</param>
/// <param name="Url">Base address of an external DUI; null when <c>--sut-url</c> must give it.</param>
/// <param name="HooksPath">Where its test hooks answer, relative to the base address (default <c>conformance-hooks/v1/</c>).</param>
/// <param name="HooksSecretEnv">The environment variable holding an external DUI's hooks secret.</param>
/// <param name="UiMapPath">Its UI map for the browser driver, or null when it has none.</param>
public sealed record SutPreset(string Id, string Name, bool External, Uri? Url, string HooksPath, string? HooksSecretEnv, string? UiMapPath)
{
    /// <summary>The preset of the built-in reference DUI.</summary>
    public const string ReferenceDui = "reference-dui";

    /// <summary>Loads a preset; a malformed file is a usage error naming its line and column.</summary>
    /// <exception cref="UsageException">The preset is unknown or malformed.</exception>
    public static SutPreset Load(string id)
    {
        var directory = RepositoryLayout.Profile("suts", id);
        var path = Path.Combine(directory, "sut.yaml");
        if (!File.Exists(path))
        {
            throw new UsageException($"préréglage de SUT inconnu '{id}' (profiles/suts/{id}/sut.yaml absent).");
        }

        try
        {
            var root = YamlNodeReader.Load(path);
            root.AllowOnly("id", "name", "driver", "uiMap", "defects", "external", "url", "hooksPath", "hooksSecretEnv");
            var externalText = root.OptionalString("external");
            if (externalText is not (null or "true" or "false"))
            {
                throw root.Required("external").Error($"true ou false attendu (reçu '{externalText}')");
            }

            var external = externalText == "true";
            Uri? url = null;
            if (root.OptionalString("url") is { } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
            {
                throw root.Required("url").Error($"URL absolue attendue : '{text}'");
            }

            var uiMap = root.OptionalString("uiMap") is { } map ? Path.Combine(directory, map) : null;
            if (!external && id != ReferenceDui)
            {
                throw root.Error("seul le DUI de référence intégré est démarré par le banc ; un autre préréglage doit dire « external: true »");
            }

            return new SutPreset(root.String("id"), root.String("name"), external, url, root.OptionalString("hooksPath") ?? "conformance-hooks/v1/", root.OptionalString("hooksSecretEnv"), uiMap);
        }
        catch (YamlFormatException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary>The base address of an external DUI: <c>--sut-url</c> first, then the preset's <c>url</c>.</summary>
    /// <exception cref="UsageException">Neither is given, or <c>--sut-url</c> is not an absolute http(s) URL.</exception>
    public Uri BaseAddress(string? sutUrl)
    {
        if (sutUrl is not null)
        {
            return Uri.TryCreate(sutUrl.EndsWith('/') ? sutUrl : sutUrl + "/", UriKind.Absolute, out var given) && given.Scheme is "http" or "https"
                ? given
                : throw new UsageException($"--sut-url : URL http(s) absolue attendue (reçu '{sutUrl}').");
        }

        return Url ?? throw new UsageException($"le préréglage '{Id}' désigne un DUI externe : donnez son adresse avec --sut-url.");
    }

    /// <summary>The shared secret of an external DUI's hooks, read from <see cref="HooksSecretEnv"/>.</summary>
    /// <exception cref="HarnessException">The preset names no variable, or the variable is empty.</exception>
    public string ExternalHooksSecret()
    {
        var secret = HooksSecretEnv is null ? null : Environment.GetEnvironmentVariable(HooksSecretEnv);
        return string.IsNullOrEmpty(secret)
            ? throw new HarnessException(HarnessCodes.SutPresetInvalid, $"Le préréglage '{Id}' : le secret des points d'accroche se lit dans la variable d'environnement {HooksSecretEnv ?? "(hooksSecretEnv absent de sut.yaml)"}, vide ou absente.")
            : secret;
    }
}

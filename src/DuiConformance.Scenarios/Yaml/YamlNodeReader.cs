using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DuiConformance.Scenarios.Yaml;

/// <summary>
/// Reads declarative YAML with positions: every accessor that meets the wrong shape throws a
/// <see cref="YamlFormatException"/> naming the file, line and column of the node.
/// </summary>
public sealed class YamlNodeReader
{
    private YamlNodeReader(string file, YamlNode node)
    {
        File = file;
        Node = node;
    }

    /// <summary>The file the node comes from (for messages).</summary>
    public string File { get; }

    /// <summary>The underlying node.</summary>
    public YamlNode Node { get; }

    /// <summary>Loads the single document of a file; its root must be a mapping.</summary>
    public static YamlNodeReader Load(string path)
    {
        var display = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new YamlFormatException(display, 0, 0, $"fichier introuvable : {path}");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw new YamlFormatException(display, exception.Start.Line, exception.Start.Column, "YAML invalide : " + (exception.InnerException?.Message ?? exception.Message));
        }

        if (stream.Documents.Count != 1)
        {
            throw new YamlFormatException(display, 1, 1, "le fichier doit contenir exactement un document YAML");
        }

        var root = new YamlNodeReader(display, stream.Documents[0].RootNode);
        root.RequireMapping();
        return root;
    }

    /// <summary>Throws at this node's position.</summary>
    public YamlFormatException Error(string message) => new(File, Node.Start.Line, Node.Start.Column, message);

    /// <summary>True when this node is a mapping.</summary>
    public bool IsMapping => Node is YamlMappingNode;

    /// <summary>True when this node is a sequence.</summary>
    public bool IsSequence => Node is YamlSequenceNode;

    /// <summary>True when this node is a scalar.</summary>
    public bool IsScalar => Node is YamlScalarNode;

    /// <summary>The keys of this mapping, in file order.</summary>
    public IEnumerable<string> Keys => RequireMapping().Children.Keys.Select(key => ((YamlScalarNode)key).Value ?? string.Empty);

    /// <summary>The child under <paramref name="key"/>, or null.</summary>
    public YamlNodeReader? Optional(string key)
    {
        var mapping = RequireMapping();
        return mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? new YamlNodeReader(File, child) : null;
    }

    /// <summary>The child under <paramref name="key"/>; throws when missing.</summary>
    public YamlNodeReader Required(string key) => Optional(key) ?? throw Error($"clé obligatoire manquante : '{key}'");

    /// <summary>A required scalar string.</summary>
    public string String(string key) => Required(key).Scalar();

    /// <summary>An optional scalar string.</summary>
    public string? OptionalString(string key) => Optional(key)?.Scalar();

    /// <summary>This node as a scalar string.</summary>
    public string Scalar() => Node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error("une valeur simple est attendue ici");

    /// <summary>This node as a list of scalars (a single scalar is accepted as a one-item list).</summary>
    public IReadOnlyList<string> Scalars() => Node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => [.. sequence.Children.Select(child => new YamlNodeReader(File, child).Scalar())],
        _ => throw Error("une liste de valeurs est attendue ici"),
    };

    /// <summary>The items of this sequence.</summary>
    public IReadOnlyList<YamlNodeReader> Items() => Node is YamlSequenceNode sequence
        ? [.. sequence.Children.Select(child => new YamlNodeReader(File, child))]
        : throw Error("une liste est attendue ici");

    /// <summary>The entries of this mapping, in file order.</summary>
    public IReadOnlyList<(string Key, YamlNodeReader Value)> Entries() =>
        [.. RequireMapping().Children.Select(pair => (((YamlScalarNode)pair.Key).Value ?? string.Empty, new YamlNodeReader(File, pair.Value)))];

    /// <summary>Refuses keys other than <paramref name="allowed"/> (a typo must not be silently ignored).</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var (key, child) in RequireMapping().Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new YamlFormatException(File, key.Start.Line, key.Start.Column, $"clé inconnue '{name}' (attendu : {string.Join(", ", allowed)})");
            }
        }
    }

    /// <summary>A duration such as <c>15s</c>, <c>500ms</c>, <c>2m</c>, <c>24h</c>.</summary>
    public TimeSpan Duration()
    {
        var text = Scalar().Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units = [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours)];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value > 0)
            {
                return make(value);
            }
        }

        throw Error($"durée invalide '{text}' (exemples : 500ms, 15s, 2m, 24h)");
    }

    private YamlMappingNode RequireMapping() => Node as YamlMappingNode ?? throw Error("un dictionnaire (clé: valeur) est attendu ici");
}

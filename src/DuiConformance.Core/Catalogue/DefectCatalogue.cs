using YamlDotNet.RepresentationModel;

namespace DuiConformance.Core.Catalogue;

/// <summary>
/// The reference DUI's defect catalogue, kept in one file (<c>profiles/suts/reference-dui/defects.yaml</c>):
/// the harness's own sensitivity test.
/// </summary>
public sealed class DefectCatalogue
{
    private DefectCatalogue(IReadOnlyList<SutDefect> defects) => Defects = defects;

    /// <summary>Every defect, in file order.</summary>
    public IReadOnlyList<SutDefect> Defects { get; }

    /// <summary>The default file of the reference DUI.</summary>
    public static string DefaultPath => RepositoryLayout.Profile("suts", "reference-dui", "defects.yaml");

    /// <summary>Finds a defect by name.</summary>
    public SutDefect? Find(string name) => Defects.FirstOrDefault(defect => defect.Name == name);

    /// <summary>Loads the catalogue.</summary>
    /// <exception cref="FormatException">The file is malformed; the message names the file and line.</exception>
    public static DefectCatalogue Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var defects = new List<SutDefect>();
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (root.Children[new YamlScalarNode("defects")] is not YamlSequenceNode list)
        {
            throw new FormatException($"{path}: 'defects' must be a list.");
        }

        foreach (var node in list.Children.Cast<YamlMappingNode>())
        {
            string Scalar(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : throw new FormatException($"{path}:{node.Start.Line}: '{key}' is missing.");
            var requirements = node.Children.TryGetValue(new YamlScalarNode("requirements"), out var value) && value is YamlSequenceNode sequence
                ? sequence.Children.Select(child => ((YamlScalarNode)child).Value ?? string.Empty).ToList()
                : throw new FormatException($"{path}:{node.Start.Line}: 'requirements' must be a list.");
            if (requirements.Count == 0)
            {
                throw new FormatException($"{path}:{node.Start.Line}: a defect must name at least one requirement it makes fail.");
            }

            defects.Add(new SutDefect(Scalar("name"), Scalar("description"), requirements));
        }

        var duplicate = defects.GroupBy(defect => defect.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null ? new DefectCatalogue(defects) : throw new FormatException($"{path}: defect '{duplicate.Key}' is listed twice.");
    }
}

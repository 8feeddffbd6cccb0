using DuiConformance.Core;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Hooks;
using YamlDotNet.RepresentationModel;

namespace DuiConformance.Scenarios.Tests;

[Description("profiles/hooks/openapi.yaml and the driver agree: same prefix, same header, every verb of the vocabulary.")]
public sealed class HooksContractDocumentTests
{
    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryLayout.Profile("hooks", "openapi.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    [Test]
    public void The_document_is_openapi_3_0_with_the_four_operations()
    {
        var root = Load();
        var paths = ((YamlMappingNode)At(root, "paths")).Children.Keys.Select(key => ((YamlScalarNode)key).Value).ToList();

        ((YamlScalarNode)At(root, "openapi")).Value.ShouldStartWith("3.0");
        paths.ShouldBe(["/info", "/configure", "/reset", "/actions/{action}"], ignoreOrder: true);
    }

    [Test]
    public void The_action_enum_is_exactly_the_scenario_vocabulary()
    {
        var parameter = (YamlMappingNode)((YamlSequenceNode)At(Load(), "paths", "/actions/{action}", "post", "parameters"))[0];
        var verbs = ((YamlSequenceNode)At(parameter, "schema", "enum")).Select(node => ((YamlScalarNode)node).Value!).ToList();

        verbs.ShouldBe(ActionVocabulary.All, ignoreOrder: true);
    }

    [Test]
    public void The_server_prefix_and_the_secret_header_are_the_drivers()
    {
        var root = Load();
        var server = ((YamlScalarNode)At((YamlMappingNode)((YamlSequenceNode)At(root, "servers"))[0], "url")).Value!;

        server.ShouldEndWith(HooksContract.PathPrefix.TrimEnd('/'));
        ((YamlScalarNode)At(root, "components", "securitySchemes", "sharedSecret", "name")).Value.ShouldBe(HooksContract.SecretHeader);
    }
}

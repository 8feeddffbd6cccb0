using DuiConformance.Scenarios.Drivers.Playwright;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Scenarios.Tests;

public sealed class UiMapTests
{
    private static UiMap Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "ui-map-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return UiMap.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Operations_are_read_in_order_with_their_locators()
    {
        var map = Load("""
            sut: demo
            actions:
              create-usager:
                - goto: /usagers/nouveau
                - fill: { label: "Nom de naissance", value: "{usager.birthName}" }
                - click: { role: button, name: "Enregistrer" }
                - read: { testId: usager-id, into: usagerId }
            """);

        var operations = map.For("create-usager")!;
        operations.Select(operation => operation.Kind).ShouldBe([UiOperationKind.Goto, UiOperationKind.Fill, UiOperationKind.Click, UiOperationKind.Read]);
        operations[2].ShouldSatisfyAllConditions(
            operation => operation.Target.ShouldBe("button"),
            operation => operation.Name.ShouldBe("Enregistrer"));
    }

    [Test]
    public void Expect_status_is_read_apart_from_expect_text()
    {
        var map = Load("""
            sut: demo
            actions:
              send-mss:
                - expectText: "Partages du document"
                - expectStatus: "Message envoyé"
            """);

        var operations = map.For("send-mss")!;
        operations.Select(operation => operation.Kind).ShouldBe([UiOperationKind.ExpectText, UiOperationKind.ExpectStatus]);
        operations[1].Describe().ShouldBe("attendre le message d'état « Message envoyé »");
    }

    [Test]
    public void An_unknown_operation_is_refused_with_its_position()
    {
        var error = Should.Throw<YamlFormatException>(() => Load("sut: demo\nactions:\n  send-mss:\n    - hover: x\n"));

        error.ShouldSatisfyAllConditions(
            () => error.Line.ShouldBe(4),
            () => error.Message.ShouldContain("opération inconnue 'hover'"));
    }

    [Test]
    public void The_reference_dui_map_covers_the_actions_of_the_shipped_scenario()
    {
        var map = UiMap.Load(Core.RepositoryLayout.Profile("suts", "reference-dui", "ui-map.yaml"));

        map.Actions.ShouldBeSubsetOf(Definitions.ActionVocabulary.All);
        foreach (var action in new[] { "create-usager", "create-document", "publish-dmp", "send-mss" })
        {
            map.For(action).ShouldNotBeNull(action);
        }
    }
}

using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;

namespace DuiConformance.Scenarios.Tests.Manual;

public sealed class ManualInstructionCatalogueTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateFolder()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-manual-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    private static ScenarioStep Action(string id, string verb, Dictionary<string, string>? with = null) => new(id, StepKind.Action, verb, with ?? [], null, []);

    private static IReadOnlyList<ScenarioDefinition> ShippedScenarios() =>
        new ScenarioLoader(RepositoryLayout.Fixtures, CheckCatalogue.All.Select(check => check.Definition.Id)).LoadDirectory(RepositoryLayout.Profile("scenarios"));

    [Test]
    public void The_project_catalogue_has_every_verb_of_the_vocabulary_in_french_and_english()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);

        catalogue.Instructions.Keys.Order(StringComparer.Ordinal).ShouldBe(ActionVocabulary.All.Order(StringComparer.Ordinal));
        catalogue.Instructions.Values.ShouldAllBe(instruction => instruction.Texts.ContainsKey("fr") && instruction.Texts.ContainsKey("en"));
    }

    [Test]
    public void Every_action_of_every_shipped_scenario_renders_in_both_languages_with_no_placeholder_left()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);
        var rendered = 0;
        foreach (var scenario in ShippedScenarios())
        {
            foreach (var step in scenario.Steps.Where(step => step.Kind == StepKind.Action))
            {
                foreach (var language in ManualInstructionCatalogue.Languages)
                {
                    var text = catalogue.Render(step, scenario.Data, language);
                    string.Join("\n", [text.Title, .. text.Steps, text.Observation]).ShouldNotContain("{", customMessage: $"{scenario.Id}/{step.Id}/{language}");
                    rendered++;
                }
            }
        }

        rendered.ShouldBeGreaterThan(20);
    }

    [Test]
    public void French_instructions_carry_the_usagers_traits_the_document_type_and_the_recipient()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);
        var dluShare = ShippedScenarios().Single(scenario => scenario.Id == "dlu-share");

        var create = catalogue.Render(dluShare.Steps.Single(step => step.Id == "create-usager"), dluShare.Data, "fr");
        var document = catalogue.Render(dluShare.Steps.Single(step => step.Id == "create-document"), dluShare.Data, "fr");
        var send = catalogue.Render(dluShare.Steps.Single(step => step.Id == "send-mss"), dluShare.Data, "fr");

        create.ShouldSatisfyAllConditions(
            () => create.Title.ShouldBe("Créer le dossier de l'usager MARTINEAU HELENE MARIE LOUISE"),
            () => create.Steps[1].ShouldContain("sexe féminin (F) ; date de naissance 17/05/1942"),
            () => create.Steps[1].ShouldContain("lieu de naissance (code INSEE) 69123"),
            () => create.Steps[2].ShouldBe("Statut de l'identité : identité validée sur pièce d'identité (VALI). Ne saisissez aucun matricule INS."),
            () => create.Observation.ShouldContain("s'en remet à votre réponse"));
        document.Title.ShouldBe("Produire un document DLU pour MARTINEAU HELENE MARIE LOUISE");
        send.Title.ShouldBe("Envoyer par MSSanté le dernier document de MARTINEAU HELENE MARIE LOUISE à dr.martin@ch-exemple.test-ci-sis.mssante.fr");
    }

    [Test]
    public void An_empty_value_prints_as_a_dash_codes_print_as_their_label_and_english_keeps_iso_dates()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);
        var data = new ScenarioData(new Dictionary<string, string>
        {
            ["usager.birthName"] = "LEGRAND", ["usager.usedName"] = "", ["usager.birthGivenNames"] = "CAMILLE ANNE", ["usager.sex"] = "F",
            ["usager.birthDate"] = "1950-03-03", ["usager.birthPlace"] = "75056", ["usager.identityStatus"] = "PROV",
            ["usager.medecinTraitant"] = "Dr Paul GIRARD", ["usager.traitements"] = "", ["usager.directives"] = "", ["usager.allergies"] = "",
        });

        var french = catalogue.Render(Action("create-usager", "create-usager"), data, "fr");
        var english = catalogue.Render(Action("create-usager", "create-usager"), data, "en");

        french.Steps[1].ShouldContain("nom d'usage — ;");
        english.Title.ShouldBe("Create the record of usager LEGRAND CAMILLE ANNE");
        english.Steps[1].ShouldContain("used name —;");
        english.Steps[1].ShouldContain("sex female (F); birth date 1950-03-03;");
        english.Steps[2].ShouldBe("Identity status: provisional identity (PROV). Do not type any INS number.");
        french.Steps[1].ShouldContain("date de naissance 03/03/1950");
    }

    [Test]
    public void A_placeholder_the_scenario_does_not_define_is_a_harness_error_naming_the_step()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);

        var error = Should.Throw<HarnessException>(() => catalogue.Render(Action("send", "send-mss"), new ScenarioData(new Dictionary<string, string> { ["usager.birthName"] = "X" }), "fr"));

        error.Code.ShouldBe(HarnessCodes.ManualInstructionUnrenderable);
        error.Message.ShouldContain("'send'");
    }

    [Test]
    public void A_catalogue_missing_a_verb_is_refused_and_names_it()
    {
        var path = Path.Combine(_directory, "instructions.yaml");
        File.WriteAllText(path, """
            actions:
              create-usager:
                fr: { title: T, steps: [a], observe: o }
                en: { title: T, steps: [a], observe: o }
            """);

        var error = Should.Throw<HarnessException>(() => ManualInstructionCatalogue.Load(path));

        error.Code.ShouldBe(HarnessCodes.ManualInstructionsInvalid);
        error.Message.ShouldContain("publish-dmp");
    }

    [Test]
    public void An_unknown_verb_is_refused_with_its_line()
    {
        var path = Path.Combine(_directory, "instructions.yaml");
        File.WriteAllText(path, "actions:\n  fly-away: { fr: { title: T, steps: [a], observe: o } }\n");

        var error = Should.Throw<HarnessException>(() => ManualInstructionCatalogue.Load(path));

        error.Message.ShouldContain("fly-away");
        error.Message.ShouldContain("instructions.yaml:2:");
    }

    [Test]
    public void The_catalogue_proves_network_actions_by_default_and_leaves_local_ones_to_the_operator()
    {
        var catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);

        catalogue.Instructions["publish-dmp"].Proof!.ShouldSatisfyAllConditions(
            proof => proof.Kind.ShouldBe("fhir-request"),
            proof => proof.Properties["interaction"].ShouldBe("ITI-65"));
        catalogue.Instructions["send-mss"].Proof!.Kind.ShouldBe("smtp-message");
        catalogue.Instructions["create-usager"].Proof.ShouldBeNull();
        catalogue.Instructions["qualify-identity"].Proof.ShouldBeNull();
    }
}

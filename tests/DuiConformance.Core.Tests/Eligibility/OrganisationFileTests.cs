using DuiConformance.Core.Organisations;

namespace DuiConformance.Core.Tests.Eligibility;

public sealed class OrganisationFileTests
{
    [TestCase("750712184", true)]
    [TestCase("750712185", false)]
    [TestCase("2A0000016", true)]
    [TestCase("971000013", true)]
    [TestCase("75071218", false)]
    [TestCase("7507121840", false)]
    [TestCase("00071218X", false)]
    public void Finess_numbers_are_checked_for_format_and_luhn_key(string text, bool valid)
    {
        FinessNumber.TryParse(text, out var finess, out var error).ShouldBe(valid, error);
        if (valid)
        {
            finess!.Value.ShouldBe(text);
        }
    }

    [Test]
    public void Corsica_and_overseas_numbers_are_recognised()
    {
        FinessNumber.TryParse("2A0000016", out var corsica, out _).ShouldBeTrue();
        FinessNumber.TryParse("971000013", out var guadeloupe, out _).ShouldBeTrue();
        FinessNumber.TryParse("750712184", out var paris, out _).ShouldBeTrue();

        corsica!.IsCorsicaOrOverseas.ShouldBeTrue();
        guadeloupe!.Department.ShouldBe("971");
        guadeloupe.IsCorsicaOrOverseas.ShouldBeTrue();
        paris!.IsCorsicaOrOverseas.ShouldBeFalse();
    }

    [Test]
    public void Every_faulty_line_of_a_csv_file_is_named_at_once()
    {
        var path = RepositoryLayout.Fixture("organisations", "bad-finess.csv");

        var exception = Should.Throw<HarnessException>(() => OrganisationFile.Load(path));

        exception.Code.ShouldBe(OrganisationFile.LoadErrorCode);
        var lines = exception.Message.Split('\n');
        lines.ShouldContain($"{path}:3: la clé du numéro FINESS « 440070010 » est fausse : « 0 » au lieu de « 9 » (clé de Luhn des 8 premiers caractères)");
        lines.ShouldContain($"{path}:4: le numéro FINESS « 44007002 » doit compter 9 caractères (il en compte 8)");
        lines.ShouldContain(line => line.StartsWith($"{path}:5: le FINESS 440070019 figure déjà ligne 2", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith($"{path}:6: ", StringComparison.Ordinal) && line.Contains("seuls des chiffres"));
        lines.ShouldContain(line => line.StartsWith($"{path}:6: secteur « martien »", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith($"{path}:6: sons_order « peut-être »", StringComparison.Ordinal));
        lines.ShouldNotContain(line => line.StartsWith($"{path}:2:", StringComparison.Ordinal));
    }

    [Test]
    public void A_yaml_file_reads_the_project_fields_and_names_the_line_of_a_bad_entry()
    {
        var good = OrganisationFile.Load(RepositoryLayout.Fixture("organisations", "pdl-regional-2025.yaml"));

        good.ShouldSatisfyAllConditions(
            () => good.Name.ShouldBe("Groupement médico-social Loire-Atlantique"),
            () => good.FiledOn.ShouldBe(new DateOnly(2025, 5, 10)),
            () => good.AmoaRequestedEur.ShouldBe(80000m),
            () => good.Essms.Count.ShouldBe(20),
            () => good.RegionCount.ShouldBe(1),
            () => good.Essms[11].SonsOrder.ShouldBeTrue());

        var exception = Should.Throw<HarnessException>(() => OrganisationFile.ParseYaml("name: X\nessms:\n  - finess: \"750712184\"\n    name: A\n    category: EHPAD\n    sector: pa\n    region: IDF\n    sons_order: non\n    dui_choice: acquisition\n    colour: blue\n", "bad.yaml"));
        exception.Message.ShouldStartWith("bad.yaml:10: champ inconnu « colour »");
    }
}

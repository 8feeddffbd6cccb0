using DuiConformance.Core.Checks;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Tests.Requirements;

public sealed class RequirementCoverageTests
{
    private const string Header = "id,theme,level,title_fr,title_en,official_ref,source,verification,not_tested_reason";

    private static RequirementCoverage ProfilesCoverage() => RequirementCoverage.Build(
        RequirementCatalogue.LoadDefault(),
        CheckCatalogue.All.Select(check => check.Definition),
        RequirementCoverage.ReadScenarios(RepositoryLayout.Profile("scenarios")));

    [Test]
    public void Every_requirement_has_a_check_or_a_stated_reason_and_every_check_names_a_known_requirement()
    {
        var coverage = ProfilesCoverage();

        coverage.Problems.ShouldBeEmpty(string.Join("\n", coverage.Problems));
        coverage.Rows.Count.ShouldBe(RequirementCatalogue.LoadDefault().All.Count);
    }

    [Test]
    public void The_default_catalogue_spans_every_theme_of_domain_md_section_8()
    {
        var themes = RequirementCatalogue.LoadDefault().All.Select(requirement => requirement.Theme).ToHashSet();

        themes.ShouldBe(["CDA", "DMP", "MSS", "SEC", "INS", "MES", "ANN", "PSC"], ignoreOrder: true);
    }

    [Test]
    public void The_coverage_csv_links_a_requirement_to_its_check_and_scenario()
    {
        var csv = ProfilesCoverage().ToCsv().Split('\n');

        csv[0].ShouldBe("requirement,theme,level,verification,checks,scenarios,reason,domain_section,applies_to");
        csv.ShouldContain(line => line.StartsWith("DUI-CDA-01,CDA,SHALL,automated,cda.header.realm-typeid,dlu-share,,", StringComparison.Ordinal));
        csv.ShouldContain(line => line.StartsWith("DUI-INS-01,INS,SHALL,automated,ins.matricule.key,ins-lookup-qualify,,", StringComparison.Ordinal));
        csv.ShouldContain(line => line.StartsWith("DUI-MES-01,MES,SHALL,automated,mss.patient.mailbox,mss-patient-mailbox,,", StringComparison.Ordinal));
        csv.ShouldContain(line => line.StartsWith("DUI-SEC-04,SEC,SHALL,automated,mss.auth.token-revocation,mss-token-revoked,,", StringComparison.Ordinal));
        csv.ShouldContain(line => line.StartsWith("DUI-ANN-01,ANN,SHALL,not-tested,,,", StringComparison.Ordinal) && line.Contains("Pas encore testé"));
    }

    [Test]
    public void A_requirement_with_neither_check_nor_reason_and_a_check_naming_an_unknown_requirement_are_both_reported()
    {
        var catalogue = RequirementCatalogue.Parse(Header + "\nDUI-PSC-01,PSC,SHALL,Titre,Title,,src,automated,\n", "one.csv");
        var check = new CheckDefinition("x.check", "Contrôle", "Check", ["DUI-PSC-09"], [], "desc");
        var scenario = new ScenarioCoverageEntry("s", "s.yaml", ["DUI-ZZZ-01"], ["no.such.check"]);

        var coverage = RequirementCoverage.Build(catalogue, [check], [scenario]);

        coverage.Problems.Count.ShouldBe(4);
        coverage.Problems.ShouldContain(problem => problem.Contains("check 'x.check' verifies 'DUI-PSC-09'"));
        coverage.Problems.ShouldContain(problem => problem.Contains("'DUI-PSC-01'") && problem.Contains("neither a check nor a stated reason"));
        coverage.Problems.ShouldContain(problem => problem.Contains("scenario 's'") && problem.Contains("DUI-ZZZ-01"));
        coverage.Problems.ShouldContain(problem => problem.Contains("no.such.check"));
        coverage.Rows.Single().IsAccountedFor.ShouldBeFalse();
    }

    [Test]
    public void A_folder_of_catalogue_files_loads_as_one_and_old_layout_files_get_defaults()
    {
        var directory = Directory.CreateTempSubdirectory("dui-catalogue-dir-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.csv"), Header + ",applies_to,domain_section\nDUI-PSC-01,PSC,SHALL,Titre,Title,,src,automated,,mss;dmp,§8.6\nDUI-PSC-02,PSC,SHALL,Titre,Title,,src,automated,\n");
            File.WriteAllText(Path.Combine(directory.FullName, "b.csv"), Header + "\nDUI-ANN-01,ANN,MAY,Titre,Title,,src,manual,Une personne vérifie.\n");

            var catalogue = RequirementCatalogue.LoadDirectory(directory.FullName);

            catalogue.All.Select(requirement => requirement.Id).ShouldBe(["DUI-PSC-01", "DUI-PSC-02", "DUI-ANN-01"]);
            catalogue.Get("DUI-PSC-01").AppliesTo.ShouldBe(["mss", "dmp"]);
            catalogue.Get("DUI-PSC-01").DomainSection.ShouldBe("§8.6");
            catalogue.Get("DUI-PSC-02").AppliesTo.ShouldBe([RequirementApplicability.All]);
            catalogue.Get("DUI-ANN-01").NotTestedReason.ShouldBe("Une personne vérifie.");

            File.WriteAllText(Path.Combine(directory.FullName, "c.csv"), Header + "\nDUI-PSC-02,PSC,SHALL,Titre,Title,,src,automated,\n");
            var exception = Should.Throw<HarnessException>(() => RequirementCatalogue.LoadDirectory(directory.FullName));
            exception.Message.ShouldContain("c.csv: requirement id 'DUI-PSC-02' is already defined in");
            exception.Message.ShouldContain("a.csv");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [TestCase("DUI-PSC-01,PSC,SHALL,Titre,Title,,src,automated,,martians,", "applies_to 'martians'")]
    [TestCase("DUI-PSC-01,PSC,SHALL,Titre,Title,,src,automated,,all,x,extra", "expected 11 fields, found 12")]
    public void Bad_new_columns_are_refused_with_file_and_line(string row, string fragment)
    {
        var exception = Should.Throw<HarnessException>(() => RequirementCatalogue.Parse(Header + ",applies_to,domain_section\n" + row + "\n", "new.csv"));

        exception.Message.ShouldStartWith("new.csv:2: ");
        exception.Message.ShouldContain(fragment);
    }
}

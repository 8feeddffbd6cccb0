using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Tests.Requirements;

public sealed class RequirementCatalogueTests
{
    private const string Header = "id,theme,level,title_fr,title_en,official_ref,source,verification,not_tested_reason";

    private static readonly string[] BriefIds =
    [
        "DUI-CDA-01", "DUI-CDA-02", "DUI-CDA-03", "DUI-CDA-04",
        "DUI-DMP-01", "DUI-DMP-02", "DUI-DMP-03",
        "DUI-MSS-01", "DUI-MSS-02", "DUI-MSS-03", "DUI-MSS-04",
        "DUI-SEC-01",
    ];

    [Test]
    public void The_first_catalogue_file_holds_the_twelve_shared_requirements_in_order()
    {
        var catalogue = RequirementCatalogue.Load(RequirementCatalogue.DefaultPath);

        catalogue.All.Select(requirement => requirement.Id).ShouldBe(BriefIds);
        catalogue.All.ShouldAllBe(requirement => requirement.Level == RequirementLevel.Shall);
        catalogue.All.ShouldAllBe(requirement => requirement.Verification == RequirementVerification.Automated);
        catalogue.All.ShouldAllBe(requirement => requirement.Id.StartsWith("DUI-" + requirement.Theme + "-"));
        catalogue.All.ShouldAllBe(requirement => requirement.Source.StartsWith("domain.md §"));
        catalogue.All.ShouldAllBe(requirement => requirement.TitleFr.Length > 20 && requirement.TitleEn.Length > 20);
    }

    [TestCase("DUI-MSS-01", "SC.MSS/CONF.16")]
    [TestCase("DUI-MSS-02", "SC.MSS/CONF.15;SC.MSS/CONF.14")]
    [TestCase("DUI-SEC-01", "SC.MSS/CONF.05")]
    [TestCase("DUI-CDA-01", null)]
    [TestCase("DUI-DMP-03", null)]
    public void Official_references_are_given_only_where_domain_md_names_one(string id, string? officialRef)
    {
        var requirement = RequirementCatalogue.LoadDefault().Get(id);

        requirement.OfficialRef.ShouldBe(officialRef);
        if (officialRef is not null)
        {
            requirement.Source.ShouldContain("third-party");
        }
    }

    [Test]
    public void A_requirement_title_follows_the_report_language()
    {
        var requirement = RequirementCatalogue.LoadDefault().Get("DUI-SEC-01");

        requirement.ShouldSatisfyAllConditions(
            () => requirement.Title("fr").ShouldStartWith("Soumission SMTP chiffrée"),
            () => requirement.Title("en").ShouldStartWith("SMTP submission"),
            () => requirement.Title("de").ShouldBe(requirement.TitleFr));
    }

    [Test]
    public void TryGet_finds_exact_ids_only()
    {
        var catalogue = RequirementCatalogue.LoadDefault();

        catalogue.TryGet("DUI-CDA-01", out var found).ShouldBeTrue();
        found!.Theme.ShouldBe("CDA");
        catalogue.TryGet("dui-cda-01", out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => catalogue.Get("DUI-INS-99"));
    }

    [Test]
    public void Quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var csv = Header + "\r\n"
            + "DUI-INS-01,INS,SHOULD,\"Titre, avec \"\"guillemets\"\"\",\"Two\nlines\",,src,manual,\r\n"
            + "DUI-INS-02,INS,MAY,Titre,Title,,src,not-tested,\"Needs an INSi card reader\"\r\n";

        var catalogue = RequirementCatalogue.Parse(csv, "inline.csv");

        catalogue.All.Count.ShouldBe(2);
        catalogue.Get("DUI-INS-01").ShouldSatisfyAllConditions(
            requirement => requirement.TitleFr.ShouldBe("Titre, avec \"guillemets\""),
            requirement => requirement.TitleEn.ShouldBe("Two\nlines"),
            requirement => requirement.Level.ShouldBe(RequirementLevel.Should),
            requirement => requirement.Verification.ShouldBe(RequirementVerification.Manual),
            requirement => requirement.OfficialRef.ShouldBeNull());
        catalogue.Get("DUI-INS-02").NotTestedReason.ShouldBe("Needs an INSi card reader");
    }

    private static IEnumerable<TestCaseData> MalformedRows()
    {
        const string good = "DUI-CDA-01,CDA,SHALL,Titre,Title,,src,automated,";
        TestCaseData Case(string name, string rows, int line, string fragment) =>
            new TestCaseData(rows, line, fragment).SetName("Malformed catalogue is refused: " + name);

        yield return Case("too few fields", good + "\nDUI-CDA-02,CDA,SHALL,Titre,Title,src,automated,", 3, "expected 9 fields, found 8");
        yield return Case("unquoted comma", "DUI-CDA-01,CDA,SHALL,Titre, encore,Title,,src,automated,", 2, "expected 9 fields, found 10");
        yield return Case("bad theme in id", "DUI-XYZ-01,XYZ,SHALL,Titre,Title,,src,automated,", 2, "'DUI-XYZ-01' is not a requirement id");
        yield return Case("three-digit number", "DUI-CDA-001,CDA,SHALL,Titre,Title,,src,automated,", 2, "is not a requirement id");
        yield return Case("lower-case id", "dui-cda-01,CDA,SHALL,Titre,Title,,src,automated,", 2, "is not a requirement id");
        yield return Case("duplicate id", good + "\n" + good, 3, "duplicate requirement id 'DUI-CDA-01' (first defined on line 2)");
        yield return Case("theme not matching id", "DUI-CDA-01,MSS,SHALL,Titre,Title,,src,automated,", 2, "theme 'MSS' does not match");
        yield return Case("unknown level", "DUI-CDA-01,CDA,MUST,Titre,Title,,src,automated,", 2, "level 'MUST'");
        yield return Case("unknown verification", "DUI-CDA-01,CDA,SHALL,Titre,Title,,src,visual,", 2, "verification 'visual'");
        yield return Case("empty French title", "DUI-CDA-01,CDA,SHALL,,Title,,src,automated,", 2, "'title_fr' is empty");
        yield return Case("not-tested without reason", "DUI-CDA-01,CDA,SHALL,Titre,Title,,src,not-tested,", 2, "not_tested_reason is empty");
        yield return Case("reason on a tested requirement", "DUI-CDA-01,CDA,SHALL,Titre,Title,,src,automated,because", 2, "not_tested_reason is set");
        yield return Case("unterminated quote", good + "\nDUI-CDA-02,CDA,SHALL,\"Titre,Title,,src,automated,", 3, "not closed");
        yield return Case("quote inside unquoted field", "DUI-CDA-01,CDA,SHALL,Ti\"tre,Title,,src,automated,", 2, "quote inside an unquoted field");
        yield return Case("text after closing quote", "DUI-CDA-01,CDA,SHALL,\"Titre\"x,Title,,src,automated,", 2, "after a closing quote");
        yield return Case("line counted after a multi-line field", "DUI-CDA-01,CDA,SHALL,\"Titre\nsur\ndeux\",Title,,src,automated,\nDUI-CDA-0X,CDA,SHALL,T,T,,s,automated,", 5, "'DUI-CDA-0X'");
    }

    [TestCaseSource(nameof(MalformedRows))]
    public void Malformed_rows_are_refused_with_file_and_line(string rows, int line, string fragment)
    {
        var exception = Should.Throw<HarnessException>(() => RequirementCatalogue.Parse(Header + "\n" + rows + "\n", "bad.csv"));

        exception.Code.ShouldBe(RequirementCatalogue.LoadErrorCode);
        exception.Message.ShouldStartWith($"bad.csv:{line}: ");
        exception.Message.ShouldContain(fragment);
    }

    [TestCase("id,theme,level,title_fr,title_en,official_ref,source,verification", "missing column(s) not_tested_reason")]
    [TestCase(Header + ",owner", "unknown column 'owner'")]
    [TestCase("id,id,level,title_fr,title_en,official_ref,source,verification,not_tested_reason", "column 'id' appears twice")]
    public void A_bad_header_is_refused_on_line_one(string header, string fragment)
    {
        var exception = Should.Throw<HarnessException>(() => RequirementCatalogue.Parse(header + "\n", "bad.csv"));

        exception.Message.ShouldStartWith("bad.csv:1: ");
        exception.Message.ShouldContain(fragment);
    }

    [Test]
    public void A_catalogue_with_no_requirement_is_refused()
    {
        Should.Throw<HarnessException>(() => RequirementCatalogue.Parse(Header + "\n\n", "empty.csv"))
            .Message.ShouldContain("holds no requirement");
    }

    [Test]
    public void Load_names_the_file_path_in_its_errors_and_accepts_a_byte_order_mark()
    {
        var directory = Directory.CreateTempSubdirectory("dui-catalogue-");
        try
        {
            var good = Path.Combine(directory.FullName, "good.csv");
            File.WriteAllText(good, "\uFEFF" + Header + "\nDUI-PSC-01,PSC,SHALL,Titre,Title,,src,automated,\n", new System.Text.UTF8Encoding(false));
            RequirementCatalogue.Load(good).All.Single().Id.ShouldBe("DUI-PSC-01");

            var bad = Path.Combine(directory.FullName, "bad.csv");
            File.WriteAllText(bad, Header + "\nDUI-PSC-1,PSC,SHALL,Titre,Title,,src,automated,\n");
            Should.Throw<HarnessException>(() => RequirementCatalogue.Load(bad)).Message.ShouldStartWith(bad + ":2: ");

            var missing = Path.Combine(directory.FullName, "missing.csv");
            Should.Throw<HarnessException>(() => RequirementCatalogue.Load(missing)).Message.ShouldStartWith(missing + ": cannot read");

            var notUtf8 = Path.Combine(directory.FullName, "latin1.csv");
            File.WriteAllBytes(notUtf8, [.. System.Text.Encoding.ASCII.GetBytes(Header + "\nDUI-PSC-01,PSC,SHALL,Ent"), 0xEA, .. System.Text.Encoding.ASCII.GetBytes("te,Title,,src,automated,\n")]);
            Should.Throw<HarnessException>(() => RequirementCatalogue.Load(notUtf8)).Message.ShouldContain("cannot read");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

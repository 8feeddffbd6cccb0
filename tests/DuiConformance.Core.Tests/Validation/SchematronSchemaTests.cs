using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Tests.Validation;

[TestFixture]
public sealed class SchematronSchemaTests
{
    private static string Sample => FixturePaths.Of("validation", "schematron", "sample.sch");

    private static XDocument Document(string name) =>
        SafeXml.TryLoad(FixturePaths.Read("validation", name), out var error) ?? throw new AssertionException(error?.Message ?? "illisible");

    [Test]
    public void Default_phase_activates_its_patterns_including_the_abstract_pattern_instance()
    {
        var schema = SchematronSchema.Load(Sample);

        schema.Phase.ShouldBe("standard");
        schema.ActivePatterns.ShouldBe(["header", "variables", "confidentiality"], ignoreOrder: true);
        schema.Title.ShouldNotBeNull().ShouldStartWith("Synthetic schematron");
    }

    [Test]
    public void A_conforming_document_gives_no_result_and_reads_the_value_set_through_document()
    {
        var schema = SchematronSchema.Load(Sample);

        var report = schema.Validate(Document("cda-schematron-valid.xml"));

        report.Results.ShouldBeEmpty();
        report.EvaluationErrors.ShouldBeEmpty();
        report.IsValid.ShouldBeTrue();
        schema.MissingDocuments.ShouldBeEmpty();
        // ClinicalDocument (header), its one templateId (header), confidentialityCode (instance).
        report.FiredRules.ShouldBe(3);
    }

    [Test]
    public void A_failing_document_gives_each_failed_assert_and_report_with_filled_message_and_location()
    {
        var schema = SchematronSchema.Load(Sample);

        var report = schema.Validate(Document("cda-schematron-invalid.xml"));

        report.EvaluationErrors.ShouldBeEmpty();
        report.Results.Select(r => r.AssertionId).ShouldBe(["root-present", "realm-once", "title-long", "vs-member"], ignoreOrder: true);

        var realm = report.Results.Single(r => r.AssertionId == "realm-once");
        realm.Kind.ShouldBe(SchematronResultKind.FailedAssert);
        realm.Text.ShouldBe("[header] realmCode must appear once, found 2.");
        realm.Location.ShouldBe("/*:ClinicalDocument[namespace-uri()='urn:hl7-org:v3'][1]");
        realm.Line.ShouldBe(2);
        realm.IsError.ShouldBeTrue();

        var root = report.Results.Single(r => r.AssertionId == "root-present");
        root.Text.ShouldBe("[header] templateId must carry @root.");
        root.Location.ShouldBe("/*:ClinicalDocument[namespace-uri()='urn:hl7-org:v3'][1]/*:templateId[namespace-uri()='urn:hl7-org:v3'][2]");
        root.Line.ShouldBe(6);

        var title = report.Results.Single(r => r.AssertionId == "title-long");
        title.Kind.ShouldBe(SchematronResultKind.SuccessfulReport);
        title.Text.ShouldBe("[header] title longer than 20 characters.");
        title.IsError.ShouldBeFalse();

        var member = report.Results.Single(r => r.AssertionId == "vs-member");
        member.PatternId.ShouldBe("confidentiality");
        member.RuleContext.ShouldBe("cda:ClinicalDocument/cda:confidentialityCode");
        member.Test.ShouldBe("document($jdvConfidentiality)//svs:Concept[@code = $code]");
        member.Text.ShouldBe("[inValueSet] confidentialityCode code \"X\" is not in ../jdv/JDV_Confidentiality.xml.");
        report.IsValid.ShouldBeFalse();
    }

    [Test]
    public void A_node_is_handled_by_the_first_matching_rule_of_a_pattern_only()
    {
        var schema = SchematronSchema.Load(Sample);

        var report = schema.Validate(Document("cda-schematron-invalid.xml"));

        report.Results.ShouldNotContain(r => r.AssertionId == "shadowed");
    }

    [Test]
    public void A_named_phase_runs_only_its_patterns()
    {
        var schema = SchematronSchema.Load(Sample, "header-only");

        var report = schema.Validate(Document("cda-schematron-invalid.xml"));

        schema.ActivePatterns.ShouldBe(["header"]);
        report.Results.ShouldNotContain(r => r.PatternId == "confidentiality");
        report.Results.Count.ShouldBe(3);
    }

    [Test]
    public void The_all_phase_runs_every_concrete_pattern()
    {
        var schema = SchematronSchema.Load(Sample, "#ALL");

        schema.Phase.ShouldBe("#ALL");
        schema.ActivePatterns.Count.ShouldBe(3);
    }

    [Test]
    public void One_compiled_schema_judges_many_documents_independently()
    {
        var schema = SchematronSchema.Load(Sample);

        var first = schema.Validate(Document("cda-schematron-invalid.xml"));
        var second = schema.Validate(Document("cda-schematron-valid.xml"));
        var third = schema.Validate(Document("cda-schematron-invalid.xml"));

        first.Results.Count.ShouldBe(4);
        second.Results.ShouldBeEmpty();
        third.Results.ShouldBe(first.Results);
    }

    [Test]
    public void A_missing_schematron_is_a_harness_error_with_its_code()
    {
        var exception = Should.Throw<HarnessException>(() => SchematronSchema.Load(Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N") + ".sch")));

        exception.Code.ShouldBe(HarnessCodes.SchematronInvalid);
    }

    [Test]
    public void An_unknown_phase_is_a_harness_error()
    {
        var exception = Should.Throw<HarnessException>(() => SchematronSchema.Load(Sample, "no-such-phase"));

        exception.Message.ShouldContain("no-such-phase");
    }

    [Test]
    public void A_syntax_error_in_a_test_is_reported_at_load_time_with_the_expression()
    {
        var path = Path.Combine(Path.GetTempPath(), "broken-" + Guid.NewGuid().ToString("N") + ".sch");
        File.WriteAllText(path, """
            <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
              <pattern id="p"><rule context="*"><assert test="count(((">x</assert></rule></pattern>
            </schema>
            """);
        try
        {
            var exception = Should.Throw<HarnessException>(() => SchematronSchema.Load(path));

            exception.Message.ShouldContain("count(((");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_dynamic_error_is_recorded_and_does_not_stop_the_other_assertions()
    {
        var path = Path.Combine(Path.GetTempPath(), "dynamic-" + Guid.NewGuid().ToString("N") + ".sch");
        File.WriteAllText(path, """
            <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
              <pattern id="p">
                <rule context="/*">
                  <assert id="boom" test="xs:integer('pas un nombre') = 1">cast</assert>
                  <assert id="fails" test="false()">always</assert>
                </rule>
              </pattern>
            </schema>
            """);
        try
        {
            var schema = SchematronSchema.Load(path);

            var report = schema.Validate(XDocument.Parse("<a/>"));

            report.EvaluationErrors.Count.ShouldBe(1);
            report.Results.Single().AssertionId.ShouldBe("fails");
            report.IsValid.ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Parameters_are_substituted_by_whole_name_only()
    {
        var parameters = new Dictionary<string, string> { ["elt"] = "cda:a", ["elt_vue"] = "'vue'" };

        SchematronLoader.SubstituteText("$elt/@x = $elt_vue and $eltx", parameters).ShouldBe("cda:a/@x = 'vue' and $eltx");
    }

    [TestCase("cda:ClinicalDocument", true)]
    [TestCase("cda:entry[cda:templateId/@root='1.2.3']/cda:act", true)]
    [TestCase("*[cda:templateId/@root = '1.2.3']", true)]
    [TestCase("cda:observation/cda:value[@xsi:type='CD']", true)]
    [TestCase("cda:section[1]", false)]
    [TestCase("cda:section[last()]/cda:title", false)]
    [TestCase("cda:section[$n]", false)]
    [TestCase("cda:section[position() = 2]", false)]
    [TestCase("@code", false)]
    [TestCase("self::cda:section", false)]
    public void The_descendant_axis_replaces_double_slash_only_when_the_first_step_is_not_positional(string context, bool rewritten)
    {
        SchematronLoader.Compiler.FirstStepAllowsDescendantAxis(context).ShouldBe(rewritten);
    }

    [Test]
    public void A_positional_first_step_keeps_xslt_pattern_semantics()
    {
        var path = Path.Combine(Path.GetTempPath(), "positional-" + Guid.NewGuid().ToString("N") + ".sch");
        File.WriteAllText(path, """
            <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
              <pattern id="p"><rule context="b[1]"><report id="first" test="true()">x</report></rule></pattern>
            </schema>
            """);
        try
        {
            var report = SchematronSchema.Load(path).Validate(XDocument.Parse("<a><b/><b/><c><b/></c></a>"));

            // Note: the XSLT pattern b[1] matches the first b child of each parent: a/b[1] and c/b[1].
            report.Results.Count.ShouldBe(2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("document($jdv)//svs:Concept[@code=$c]", "document($jdv)/descendant::svs:Concept[@code=$c]")]
    [TestCase("count(//cda:section) = 1", "count(/descendant::cda:section) = 1")]
    [TestCase("//cda:section[1]", "//cda:section[1]")]
    [TestCase("contains(@value, '//x')", "contains(@value, '//x')")]
    [TestCase("cda:a//@code", "cda:a//@code")]
    public void Double_slash_steps_become_descendant_steps_only_where_equivalent(string expression, string expected)
    {
        SchematronLoader.Compiler.DescendantSteps(expression).ShouldBe(expected);
    }
}

using System.Text;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Tests.Validation;

[TestFixture]
public sealed class XdmIndexRulesTests
{
    private static IReadOnlyList<string> Problems(string html) => XdmIndexRules.Problems(Encoding.UTF8.GetBytes(html));

    [Test]
    public void Html_with_optional_end_tags_and_void_elements_is_accepted()
    {
        Problems("<html><head><title>x</title></head><body><p>un<p>deux<br> <br/><img src='a'></body></html>").ShouldBeEmpty();
    }

    [Test]
    public void A_misspelt_end_tag_is_reported_with_its_line()
    {
        var problem = Problems("<html>\n<head><title>x</titel>\n</head></html>").First();

        problem.ShouldStartWith("ligne 2 :");
        problem.ShouldContain("</titel>");
    }

    [Test]
    public void An_unterminated_tag_is_reported()
    {
        Problems("<html><body><h1>x</h1\n<p>y</p></body></html>").ShouldContain(p => p.Contains("non terminée", StringComparison.Ordinal));
    }

    [Test]
    public void Comments_and_declarations_are_skipped()
    {
        Problems("<?xml version='1.0'?><!DOCTYPE html><!-- </nope> --><html></html>").ShouldBeEmpty();
    }
}

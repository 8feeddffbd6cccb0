using DuiConformance.Scenarios.Drivers.Manual;

namespace DuiConformance.Scenarios.Tests.Manual;

public sealed class OperatorAnswerTests
{
    [TestCase("o", OperatorAnswerKind.Done, "")]
    [TestCase("  O  ", OperatorAnswerKind.Done, "")]
    [TestCase("oui", OperatorAnswerKind.Done, "")]
    [TestCase("y", OperatorAnswerKind.Done, "")]
    [TestCase("o usager n° 42", OperatorAnswerKind.Done, "usager n° 42")]
    [TestCase("n pas de module DMP", OperatorAnswerKind.Impossible, "pas de module DMP")]
    [TestCase("n: pas de module DMP", OperatorAnswerKind.Impossible, "pas de module DMP")]
    [TestCase("n", OperatorAnswerKind.Impossible, "")]
    [TestCase("p", OperatorAnswerKind.Skip, "")]
    [TestCase("skip", OperatorAnswerKind.Skip, "")]
    [TestCase("?", OperatorAnswerKind.Help, "")]
    [TestCase("aide", OperatorAnswerKind.Help, "")]
    [TestCase("", OperatorAnswerKind.Unknown, "")]
    [TestCase("bof", OperatorAnswerKind.Unknown, "bof")]
    [TestCase("ouais", OperatorAnswerKind.Unknown, "ouais")]
    public void A_typed_line_is_understood(string line, OperatorAnswerKind kind, string text)
    {
        var answer = OperatorAnswer.Parse(line);

        answer.Kind.ShouldBe(kind);
        answer.Text.ShouldBe(text);
        answer.Line.ShouldBe(line);
    }
}

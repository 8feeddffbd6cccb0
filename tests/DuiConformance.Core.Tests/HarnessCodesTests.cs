using System.Reflection;
using System.Text.RegularExpressions;

namespace DuiConformance.Core.Tests;

public sealed class HarnessCodesTests
{
    private static readonly string[] Codes = [.. typeof(HarnessCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    [Test]
    public void Every_harness_code_is_used_once()
    {
        Codes.Length.ShouldBeGreaterThan(0);
        Codes.ShouldBeUnique();
    }

    [Test]
    public void Every_harness_code_is_in_the_9xxx_band()
    {
        Codes.ShouldAllBe(code => Regex.IsMatch(code, "^HARNESS-9[0-9]{3}$"));
    }
}

using System.Reflection;
using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Proof;

public sealed class ProofFindingsTests
{
    [Test]
    public void Rejection_codes_are_unique_banded_and_titled_in_french()
    {
        ProofFindings.All.Count.ShouldBe(20);
        ProofFindings.All.Select(reason => reason.Code).ShouldBeUnique();
        ProofFindings.All.ShouldAllBe(reason => System.Text.RegularExpressions.Regex.IsMatch(reason.Code, "^PROOF-7[0-9]{3}$"));
        ProofFindings.All.ShouldAllBe(reason => !string.IsNullOrWhiteSpace(reason.TitleFr));
    }

    [Test]
    public void Catalogue_fields_are_static_readonly_and_found_by_code()
    {
        typeof(ProofFindings).GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.FieldType == typeof(ProofReason)).ShouldAllBe(field => field.IsInitOnly);
        ProofFindings.Find("PROOF-7003").ShouldBe(ProofFindings.HashMismatch);
        ProofFindings.Find("PROOF-7999").ShouldBeNull();
    }
}

using DuiConformance.Core.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Tests.Fhir;

/// <summary>Reads the synthetic FHIR fixtures of fixtures/fhir/ and checks them with our embedded profiles.</summary>
internal static class ProfileFixture
{
    public static Resource Read(string name)
    {
        var resource = FhirResourceParser.Parse(File.ReadAllBytes(RepositoryLayout.Fixture("fhir", name)), out _, out var error);
        resource.ShouldNotBeNull(error);
        return resource;
    }

    public static IReadOnlyList<ProfileIssue> Check(string name, InsMode mode = InsMode.Unspecified) =>
        Check(Read(name), mode);

    public static IReadOnlyList<ProfileIssue> Check(Resource resource, InsMode mode = InsMode.Unspecified)
    {
        var issues = new FhirProfileChecker(FhirDefinitionLoader.Embedded, new FhirProfileOptions(mode)).Check(resource);
        foreach (var issue in issues)
        {
            TestContext.Out.WriteLine($"{issue.Definition.Code} {issue.Severity} {issue.Path} : {issue.Message}");
        }

        return issues;
    }

    public static IReadOnlyList<ProfileIssue> Errors(this IReadOnlyList<ProfileIssue> issues) =>
        [.. issues.Where(issue => issue.Severity == Core.Findings.Severity.Error)];
}

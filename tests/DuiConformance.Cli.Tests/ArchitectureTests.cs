using System.Reflection;
using System.Xml.Linq;
using DuiConformance.Core;

namespace DuiConformance.Cli.Tests;

[Description("DESIGN.md §2: the dependency rules between projects; the reference DUI talks to the harness only over the wire.")]
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["DuiConformance.Core"] = [],
        ["DuiConformance.Simulators"] = ["DuiConformance.Core"],
        ["DuiConformance.Scenarios"] = ["DuiConformance.Core"],
        ["DuiConformance.ReferenceDui"] = [],
        ["DuiConformance.Cli"] = ["DuiConformance.Core", "DuiConformance.Simulators", "DuiConformance.Scenarios", "DuiConformance.ReferenceDui"],
    };

    private static IEnumerable<string> SourceProjects => Allowed.Keys;

    [TestCaseSource(nameof(SourceProjects))]
    public void Declared_project_references_follow_the_layering(string project)
    {
        var csproj = Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        references.ShouldBeSubsetOf(Allowed[project], $"{project} may depend only on {string.Join(", ", Allowed[project])}");
    }

    [TestCaseSource(nameof(SourceProjects))]
    public void Compiled_assemblies_reference_only_what_the_layering_allows(string project)
    {
        var assemblyName = project == "DuiConformance.Cli" ? "dui-conformance" : project;
        var assembly = Assembly.Load(assemblyName);
        var ours = assembly.GetReferencedAssemblies()
            .Select(name => name.Name!)
            .Where(name => name.StartsWith("DuiConformance", StringComparison.Ordinal) || name == "dui-conformance")
            .ToList();

        ours.ShouldBeSubsetOf(Allowed[project]);
    }

    [Test]
    public void Every_source_project_is_covered_by_the_rules()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryLayout.Root, "src")).Select(Path.GetFileName);

        projects.ShouldBe(Allowed.Keys, ignoreOrder: true);
    }

    [Test]
    public void Every_source_project_has_a_mirroring_test_project()
    {
        foreach (var project in Allowed.Keys)
        {
            Directory.Exists(Path.Combine(RepositoryLayout.Root, "tests", project + ".Tests")).ShouldBeTrue(project);
        }
    }
}

using DuiConformance.Core;

namespace DuiConformance.Core.Tests;

/// <summary>
/// Resolves fixtures in place (never copied, STYLE.md rule 23) by walking up to the folder holding DuiConformance.sln,
/// through <see cref="RepositoryLayout"/>.
/// </summary>
public static class FixturePaths
{
    /// <summary>The repository's <c>fixtures/</c> folder.</summary>
    public static string Root => RepositoryLayout.Fixtures;

    /// <summary>A path under <c>fixtures/</c>, e.g. <c>Of("checks", "manifest.json")</c>.</summary>
    public static string Of(params string[] parts) => RepositoryLayout.Fixture(parts);

    /// <summary>The bytes of a fixture, exactly as committed.</summary>
    public static byte[] Read(params string[] parts) => File.ReadAllBytes(Of(parts));
}

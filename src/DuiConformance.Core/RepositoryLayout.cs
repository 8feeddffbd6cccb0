namespace DuiConformance.Core;

/// <summary>
/// Finds the project's folders (<c>profiles/</c>, <c>fixtures/</c>) by walking up to the folder that holds
/// <c>DuiConformance.sln</c>, so data is read in place and never copied (STYLE.md rule 23).
/// The environment variable <c>DUI_CONFORMANCE_HOME</c> overrides the search.
/// </summary>
public static class RepositoryLayout
{
    /// <summary>Name of the environment variable that points at the project's root folder.</summary>
    public const string HomeVariable = "DUI_CONFORMANCE_HOME";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The project's root folder.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither the variable nor a parent folder leads to the solution.</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>The <c>profiles/</c> folder.</summary>
    public static string Profiles => Path.Combine(Root, "profiles");

    /// <summary>The <c>fixtures/</c> folder.</summary>
    public static string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>A path under <c>profiles/</c>.</summary>
    public static string Profile(params string[] parts) => Path.Combine([Profiles, .. parts]);

    /// <summary>A path under <c>fixtures/</c>.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DuiConformance.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"Cannot find the DuiConformance folder (no DuiConformance.sln above {AppContext.BaseDirectory}); set {HomeVariable}.");
    }
}

using DuiConformance.Core;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>
/// Finds the read-only third-party reference folder (<c>shared/reference</c>): env DUI_SHARED_REFERENCE, else walking
/// up from the repository root. Tests that need it are in category <c>Reference</c> and are inconclusive without it.
/// </summary>
public static class ReferencePaths
{
    /// <summary>The reference folder, or <c>null</c> when this machine has none.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>A path under the reference folder; marks the test inconclusive when the folder or the path is absent.</summary>
    public static string Require(params string[] parts)
    {
        if (Root is null)
        {
            Assert.Inconclusive("shared/reference absent (DUI_SHARED_REFERENCE non défini) : test de référence non exécuté.");
        }

        var path = Path.Combine([Root!, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Inconclusive($"Fichier de référence absent : {path}");
        }

        return path;
    }

    /// <summary>The CI-SIS snapshot that produced the official SVRL reports.</summary>
    public static string CiSisSnapshot => Require("ans-testcontenucda-3-0", "snapshot-cc536395");

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DUI_SHARED_REFERENCE");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(RepositoryLayout.Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

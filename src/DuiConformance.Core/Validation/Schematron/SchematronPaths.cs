namespace DuiConformance.Core.Validation.Schematron;

/// <summary>Resolves the files a schematron names (includes, value sets) the way the publisher's machine did.</summary>
internal static class SchematronPaths
{
    /// <summary>
    /// <paramref name="href"/> resolved against <paramref name="directory"/>; when no file has that exact path, the one
    /// whose path differs only by letter case, if exactly one does at each step.
    /// </summary>
    /// <remarks>
    /// Note: the ANS CI that publishes the CI-SIS schematrons runs on Windows (SVRL paths read <c>file:/D:/a/…</c>), so
    /// an include such as <c>JDV_RechAgHbS-CISIS.sch</c> finds <c>JDV_rechAgHbS-CISIS.sch</c> there (and <c>entrees/</c> finds
    /// <c>Entrees/</c>); we do the same, segment by segment.
    /// </remarks>
    public static string Resolve(string directory, string href)
    {
        var path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(href)));
        if (File.Exists(path))
        {
            return path;
        }

        // Walk from the filesystem root, matching each missing segment case-insensitively when exactly one does.
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var current = root;
        foreach (var segment in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, segment);
            if (File.Exists(exact) || Directory.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return path;
            }

            var candidates = Directory.EnumerateFileSystemEntries(current)
                .Where(entry => string.Equals(Path.GetFileName(entry), segment, StringComparison.OrdinalIgnoreCase))
                .Take(2)
                .ToList();
            if (candidates.Count != 1)
            {
                return path;
            }

            current = candidates[0];
        }

        return current;
    }
}

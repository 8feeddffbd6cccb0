namespace DuiConformance.Core.Validation.Schematron;

/// <summary>Resolves the files a schematron names (includes, value sets) the way the publisher's machine did.</summary>
internal static class SchematronPaths
{
    /// <summary>
    /// <paramref name="href"/> resolved against <paramref name="directory"/>; when no file has that exact name, the one
    /// whose name differs only by letter case, if exactly one does.
    /// </summary>
    /// <remarks>
    /// Note: the ANS CI that publishes the CI-SIS schematrons runs on Windows (SVRL paths read <c>file:/D:/a/…</c>), so
    /// an include such as <c>JDV_RechAgHbS-CISIS.sch</c> finds <c>JDV_rechAgHbS-CISIS.sch</c> there; we do the same.
    /// </remarks>
    public static string Resolve(string directory, string href)
    {
        var path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(href)));
        if (File.Exists(path))
        {
            return path;
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            return path;
        }

        var name = Path.GetFileName(path);
        var candidates = Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : path;
    }
}

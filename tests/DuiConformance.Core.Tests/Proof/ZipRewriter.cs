using System.IO.Compression;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>Rewrites a bundle with some files changed, removed or added: the tamperer of the tests.</summary>
internal static class ZipRewriter
{
    public static Dictionary<string, byte[]> ReadAll(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[entry.FullName] = memory.ToArray();
        }

        return files;
    }

    public static void Write(string path, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> through <paramref name="change"/>.</summary>
    public static void Rewrite(string source, string target, Action<Dictionary<string, byte[]>> change)
    {
        var files = ReadAll(source);
        change(files);
        Write(target, files);
    }
}

using System.Runtime.InteropServices;

namespace DuiConformance.Core.Evidence;

/// <summary>
/// Makes files just written durable together: on Linux one <c>syncfs(2)</c> of the file system that holds them, elsewhere
/// (or when it fails) an fsync per file.
/// </summary>
/// <remarks>
/// Note: the evidence checkpoint writes thousands of object files at once; an fsync each doubled its cost here (fhir-ingest,
/// 14 KB objects), and .NET has no call that flushes a whole file system, so this one calls the C library.
/// </remarks>
internal static class DurableFiles
{
    /// <summary>Flushes <paramref name="paths"/> (all on one file system) to disk.</summary>
    /// <exception cref="IOException">A file could not be flushed.</exception>
    public static void Flush(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux() && TrySyncFileSystemOf(paths[0]))
        {
            return;
        }

        foreach (var path in paths)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(handle);
        }
    }

    private static bool TrySyncFileSystemOf(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return SyncFileSystem((int)handle.DangerousGetHandle()) == 0;
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFileSystem(int fileDescriptor);
}

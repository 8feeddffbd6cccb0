using System.Runtime.InteropServices;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// POSIX <c>link(2)</c>: a second name for an existing file, without copying its octets. .NET has no hard-link API, so
/// this calls the C library; anywhere it is missing (Windows) or fails (another file system, EXDEV) the caller copies.
/// </summary>
internal static class HardLink
{
    /// <summary>Creates <paramref name="link"/> as a hard link to <paramref name="existing"/>; false when none was made.</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}

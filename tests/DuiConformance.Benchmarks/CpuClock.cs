using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DuiConformance.Benchmarks;

/// <summary>
/// CPU time consumed by this whole process (every thread: workers, GC, async continuations), with nanosecond resolution
/// on Linux (<c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>). Unlike wall time it does not grow when other processes
/// take the cores, so per-bundle costs measured with it stay comparable on a shared machine.
/// </summary>
internal static class CpuClock
{
    private const int ProcessCpuTimeClock = 2;

    /// <summary>Process CPU time so far, in microseconds.</summary>
    public static double NowMicroseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTimeClock, out var spec) == 0)
        {
            return (spec.Seconds * 1e6) + (spec.Nanoseconds / 1e3);
        }

        // Note: elsewhere the process total from the OS (tick resolution); fine over thousands of bundles.
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMicroseconds;
    }

    /// <summary>
    /// Process CPU time so far split into user mode (our code, Firely, the runtime) and kernel mode (file creation,
    /// fsync, sockets), in microseconds; zeros where <c>getrusage</c> is not available.
    /// </summary>
    public static (double User, double System) UserAndSystemMicroseconds()
    {
        if (OperatingSystem.IsLinux() && GetResourceUsage(0, out var usage) == 0)
        {
            return ((usage.UserSeconds * 1e6) + usage.UserMicroseconds, (usage.SystemSeconds * 1e6) + usage.SystemMicroseconds);
        }

        return (0, 0);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // Note: struct rusage has 14 more longs after the two timevals (Linux x86-64 / arm64); room for them.
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
}

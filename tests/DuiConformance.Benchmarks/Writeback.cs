using System.Diagnostics;

namespace DuiConformance.Benchmarks;

/// <summary>
/// Waits for the kernel to write every dirty page to disk (<c>sync(1)</c>) before a server is measured, so the
/// writeback of what the previous one stored (gigabytes, for smtp-ingest) is not charged to the next one's window.
/// </summary>
internal static class Writeback
{
    public static async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/sync"))
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("/bin/sync") { UseShellExecute = false });
        if (sync is not null)
        {
            await sync.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        }
    }
}

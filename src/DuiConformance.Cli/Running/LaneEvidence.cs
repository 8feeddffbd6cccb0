using DuiConformance.Core.Evidence;

namespace DuiConformance.Cli.Running;

/// <summary>
/// Gathers the evidence of a parallel run's lanes into the run's one evidence folder, so the report, the manifest and
/// the proof bundle find every item where a one-lane run puts it.
/// </summary>
/// <remarks>
/// Each lane records into <c>evidence/lane-k/</c> with its own id prefix (<c>ev-lk-</c>), so ids never collide. Objects
/// are content-addressed: an object two lanes both recorded is the same file and is kept once. The index lines are
/// appended lane by lane; item paths (<c>objects/…</c>) are relative to the evidence folder and stay valid.
/// </remarks>
public static class LaneEvidence
{
    /// <summary>Name of lane <paramref name="lane"/>'s folder inside the evidence folder.</summary>
    public static string LaneDirectoryName(int lane) => "lane-" + lane.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Moves every lane folder's files into <paramref name="evidenceDirectory"/> and removes the lane folders.</summary>
    /// <returns>Every item of every lane, lane by lane in recording order.</returns>
    public static async Task<IReadOnlyList<EvidenceItem>> GatherAsync(string evidenceDirectory, int laneCount, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        var index = Path.Combine(evidenceDirectory, EvidenceStore.IndexFileName);
        for (var lane = 1; lane <= laneCount; lane++)
        {
            var laneDirectory = Path.Combine(evidenceDirectory, LaneDirectoryName(lane));
            if (!Directory.Exists(laneDirectory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(laneDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
            {
                var relative = Path.GetRelativePath(laneDirectory, file);
                if (relative is EvidenceStore.IndexFileName or EvidenceStore.ManifestFileName || relative.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(evidenceDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    File.Move(file, target);
                }
            }

            var laneIndex = Path.Combine(laneDirectory, EvidenceStore.IndexFileName);
            if (File.Exists(laneIndex))
            {
                await File.AppendAllTextAsync(index, await File.ReadAllTextAsync(laneIndex, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                items.AddRange(EvidenceStore.ReadIndex(laneDirectory));
            }

            Directory.Delete(laneDirectory, recursive: true);
        }

        return items;
    }
}

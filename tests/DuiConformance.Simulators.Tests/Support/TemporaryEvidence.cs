using DuiConformance.Core.Evidence;

namespace DuiConformance.Simulators.Tests.Support;

/// <summary>An evidence store in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TemporaryEvidence : IDisposable
{
    public TemporaryEvidence(TimeProvider? time = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "dui-sim-tests-" + Guid.NewGuid().ToString("N"));
        Store = new EvidenceStore(Directory, new EvidenceTagContext("test-run"), time);
    }

    public string Directory { get; }

    public EvidenceStore Store { get; }

    public IReadOnlyList<EvidenceItem> OfKind(string kind) => [.. Store.Items.Where(item => item.Kind == kind)];

    /// <summary>
    /// Makes the next content recorded fail to be stored, as a full or failing disk would: the journal is checkpointed
    /// and closed, and a file takes the place of its folder, so the next append cannot open a journal.
    /// </summary>
    public async Task BreakStorageAsync()
    {
        await Store.CheckpointAsync();
        await File.WriteAllTextAsync(JournalPath, "not a folder");
    }

    /// <summary>Undoes <see cref="BreakStorageAsync"/>.</summary>
    public void RepairStorage() => File.Delete(JournalPath);

    private string JournalPath => Path.Combine(Directory, "journal");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

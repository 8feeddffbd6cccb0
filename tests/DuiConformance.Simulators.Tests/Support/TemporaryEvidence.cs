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

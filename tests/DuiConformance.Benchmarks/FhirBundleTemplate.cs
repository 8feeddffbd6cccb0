using System.Globalization;
using System.Text;

namespace DuiConformance.Benchmarks;

/// <summary>
/// The typical DLU ITI-65 fixture split around its identifiers, so each submission gets its own masterIdentifier and
/// SubmissionSet id cheaply (the simulator refuses a document already stored).
/// </summary>
internal sealed class FhirBundleTemplate
{
    private const string MasterIdentifier = "urn:oid:1.2.250.1.999.2.1.20250115.1";
    private const string SubmissionSetIdentifier = "urn:oid:1.2.250.1.999.4.20250115.1";
    private readonly byte[][] _parts;

    public FhirBundleTemplate(string json)
    {
        var master = json.IndexOf(MasterIdentifier, StringComparison.Ordinal) + MasterIdentifier.Length;
        var submission = json.IndexOf(SubmissionSetIdentifier, StringComparison.Ordinal) + SubmissionSetIdentifier.Length;
        if (master < MasterIdentifier.Length || submission < SubmissionSetIdentifier.Length)
        {
            throw new InvalidOperationException("The ITI-65 fixture no longer carries the identifiers the benchmark makes unique.");
        }

        var (first, second) = master < submission ? (master, submission) : (submission, master);
        _parts = [Encoding.UTF8.GetBytes(json[..first]), Encoding.UTF8.GetBytes(json[first..second]), Encoding.UTF8.GetBytes(json[second..])];
    }

    /// <summary>The bundle with <paramref name="sequence"/> appended to both identifiers.</summary>
    public byte[] Create(int sequence)
    {
        var suffix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $".{sequence}"));
        return [.. _parts[0], .. suffix, .. _parts[1], .. suffix, .. _parts[2]];
    }
}

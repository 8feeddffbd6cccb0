using System.Globalization;
using DuiConformance.Core;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// The mailboxes of the simulated MSSanté operator, read from <c>profiles/mssante/directory.csv</c>: a recipient of an
/// accepted domain that is not listed gets <c>550 5.1.1</c> (RFC 3463 "bad destination mailbox address").
/// </summary>
/// <remarks>
/// File format: UTF-8, one mailbox a line, <c>address,kind,label[,delivery]</c> with kind one of <c>PER</c>, <c>ORG</c>,
/// <c>APP</c>, <c>CAB</c>, <c>PAT</c> and the optional delivery one of <c>ok</c> (default), <c>over-quota</c>,
/// <c>unreachable</c> (<see cref="MailboxDelivery"/>); a header line starting with <c>address</c> and lines starting with
/// <c>#</c> are skipped. A <c>PAT</c> address must be <c>&lt;15-digit INS-NIR with a valid key&gt;@patient.mssante.fr</c>.
/// </remarks>
public sealed class MailDirectory
{
    /// <summary>The domain of Mon espace santé patient mailboxes (domain.md §4.1).</summary>
    public const string PatientDomain = "patient.mssante.fr";

    private readonly Dictionary<string, MailDirectoryEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a directory of the given entries.</summary>
    /// <exception cref="ArgumentException">Two entries share an address, or a patient address is not a valid INS-NIR mailbox.</exception>
    public MailDirectory(IEnumerable<MailDirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Kind == MailboxKind.Patient && !IsPatientAddress(entry.Address))
            {
                throw new ArgumentException($"'{entry.Address}' is not a patient mailbox <INS-NIR>@{PatientDomain} with a valid key.", nameof(entries));
            }

            if (!_entries.TryAdd(entry.Address, entry))
            {
                throw new ArgumentException($"The address '{entry.Address}' is listed twice.", nameof(entries));
            }
        }
    }

    /// <summary>Every mailbox, in file order is not kept: sorted by address.</summary>
    public IReadOnlyList<MailDirectoryEntry> Entries => [.. _entries.Values.OrderBy(entry => entry.Address, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The entry of an address, or <c>null</c> when the operator has no such mailbox.</summary>
    public MailDirectoryEntry? Find(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _entries.GetValueOrDefault(address);
    }

    /// <summary>A copy with more entries (the DUI's own mailboxes, added by the host).</summary>
    public MailDirectory With(IEnumerable<MailDirectoryEntry> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var added = more.Where(entry => !_entries.ContainsKey(entry.Address));
        return new MailDirectory(_entries.Values.Concat(added));
    }

    /// <summary>Reads <c>profiles/mssante/directory.csv</c> of the repository.</summary>
    /// <exception cref="HarnessException">The file is missing or malformed (<see cref="HarnessCodes.MailDirectoryInvalid"/>).</exception>
    public static MailDirectory LoadDefault() => Load(RepositoryLayout.Profile("mssante", "directory.csv"));

    /// <summary>Reads a directory file (format in the remarks).</summary>
    /// <exception cref="HarnessException">The file is missing or malformed (<see cref="HarnessCodes.MailDirectoryInvalid"/>).</exception>
    public static MailDirectory Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException(HarnessCodes.MailDirectoryInvalid, $"Cannot read the MSSanté directory {path}: {exception.Message}", exception);
        }

        var entries = new List<MailDirectoryEntry>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (index == 0 && line.StartsWith("address,", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',', 3);
            var kind = fields.Length < 2 ? null : ParseKind(fields[1].Trim());
            if (fields.Length < 3 || kind is null || fields[0].Trim().IndexOf('@', StringComparison.Ordinal) <= 0)
            {
                throw new HarnessException(
                    HarnessCodes.MailDirectoryInvalid,
                    string.Create(CultureInfo.InvariantCulture, $"{path}:{index + 1}: expected 'address,PER|ORG|APP|CAB|PAT,label', got '{line}'."));
            }

            // Note: the label may hold commas; a last field that is a delivery keyword is the optional fourth column.
            var label = fields[2].Trim();
            var delivery = MailboxDelivery.Normal;
            var comma = label.LastIndexOf(',');
            if (comma >= 0 && ParseDelivery(label[(comma + 1)..].Trim()) is { } parsed)
            {
                delivery = parsed;
                label = label[..comma].Trim();
            }

            entries.Add(new MailDirectoryEntry(fields[0].Trim(), kind.Value, label) { Delivery = delivery });
        }

        try
        {
            return new MailDirectory(entries);
        }
        catch (ArgumentException exception)
        {
            throw new HarnessException(HarnessCodes.MailDirectoryInvalid, $"{path}: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// True for <c>&lt;15 digits&gt;@patient.mssante.fr</c> whose last two digits are the NIR key, 97 minus the first 13
    /// digits modulo 97 (the INS-NIR is the 13-digit NIR followed by its key).
    /// </summary>
    public static bool IsPatientAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at != 15 || !string.Equals(address[(at + 1)..], PatientDomain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var nir = address[..15];
        if (!nir.All(char.IsAsciiDigit))
        {
            return false;
        }

        var number = long.Parse(nir[..13], NumberStyles.None, CultureInfo.InvariantCulture);
        var key = int.Parse(nir[13..], NumberStyles.None, CultureInfo.InvariantCulture);
        return key == 97 - (int)(number % 97);
    }

    private static MailboxDelivery? ParseDelivery(string text) => text.ToLowerInvariant() switch
    {
        "ok" => MailboxDelivery.Normal,
        "over-quota" => MailboxDelivery.OverQuota,
        "unreachable" => MailboxDelivery.Unreachable,
        _ => null,
    };

    private static MailboxKind? ParseKind(string text) => text.ToUpperInvariant() switch
    {
        "PER" => MailboxKind.Personal,
        "ORG" => MailboxKind.Organisation,
        "APP" => MailboxKind.Application,
        "CAB" => MailboxKind.Practice,
        "PAT" => MailboxKind.Patient,
        _ => null,
    };
}

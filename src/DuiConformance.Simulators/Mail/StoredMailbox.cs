using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// The folders of one address (RFC 3501 §5.1): <c>INBOX</c> (case-insensitive, always present) and any folder created
/// over IMAP, with the subscription list LSUB reads.
/// </summary>
public sealed class StoredMailbox
{
    /// <summary>The name of the folder every mailbox has.</summary>
    public const string Inbox = "INBOX";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, MailFolder> _folders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly string _directory;
    private readonly TimeProvider _time;

    internal StoredMailbox(string address, string directory, TimeProvider time)
    {
        Address = address;
        _directory = directory;
        _time = time;
        CreateFolder(Inbox);
        _subscribed.Add(Inbox);
    }

    /// <summary>The mailbox address.</summary>
    public string Address { get; }

    /// <summary>The INBOX.</summary>
    public MailFolder InboxFolder => FindFolder(Inbox)!;

    /// <summary>The folder names, INBOX first then in ordinal order.</summary>
    public IReadOnlyList<string> FolderNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _folders.Keys.OrderBy(name => name == Inbox ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The subscribed folder names (LSUB).</summary>
    public IReadOnlyList<string> Subscribed
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscribed.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The folder of that name (INBOX in any case), or <c>null</c>.</summary>
    public MailFolder? FindFolder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _folders.GetValueOrDefault(Normalize(name));
        }
    }

    /// <summary>Creates a folder; <c>null</c> when it already exists.</summary>
    public MailFolder? CreateFolder(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var normalized = Normalize(name);
        lock (_gate)
        {
            if (_folders.ContainsKey(normalized))
            {
                return null;
            }

            // Note: folder names come from the client; the directory name is a hash so no name can escape the store.
            var directory = Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..16]);
            var uidValidity = (uint)Math.Max(1, _time.GetUtcNow().ToUnixTimeSeconds() % uint.MaxValue) + (uint)_folders.Count;
            var folder = new MailFolder(normalized, directory, uidValidity, _time);
            _folders[normalized] = folder;
            return folder;
        }
    }

    /// <summary>Adds or removes a folder name from the subscription list (SUBSCRIBE / UNSUBSCRIBE).</summary>
    public void SetSubscribed(string name, bool subscribed)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            if (subscribed)
            {
                _subscribed.Add(Normalize(name));
            }
            else
            {
                _subscribed.Remove(Normalize(name));
            }
        }
    }

    private static string Normalize(string name) => string.Equals(name, Inbox, StringComparison.OrdinalIgnoreCase) ? Inbox : name;
}

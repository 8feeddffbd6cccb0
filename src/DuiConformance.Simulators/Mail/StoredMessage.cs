namespace DuiConformance.Simulators.Mail;

/// <summary>
/// One message filed in a <see cref="MailFolder"/>: its raw bytes, durable before the message became visible (a file of
/// the folder, or the evidence store's record of the accepted message), its IMAP UID, internal date and flags
/// (RFC 3501 §2.3).
/// </summary>
public sealed class StoredMessage
{
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<byte[]>? _readRecorded;
    private System.Collections.Concurrent.ConcurrentDictionary<string, string>? _derived;

    /// <summary>A message whose bytes are the folder's own file <paramref name="path"/>.</summary>
    internal StoredMessage(uint uid, string path, long size, DateTimeOffset internalDate, IEnumerable<string> flags)
        : this(uid, size, internalDate, flags)
    {
        Path = path;
    }

    /// <summary>A message whose bytes are held elsewhere, durably, and read by <paramref name="readRecorded"/> (the evidence store).</summary>
    internal StoredMessage(uint uid, Func<byte[]> readRecorded, long size, DateTimeOffset internalDate, IEnumerable<string> flags)
        : this(uid, size, internalDate, flags)
    {
        _readRecorded = readRecorded;
    }

    private StoredMessage(uint uid, long size, DateTimeOffset internalDate, IEnumerable<string> flags)
    {
        Uid = uid;
        Size = size;
        InternalDate = internalDate;
        _flags.UnionWith(flags);
        Recent = true;
    }

    /// <summary>The IMAP UID, strictly ascending in its folder and never reused while the folder's UIDVALIDITY holds.</summary>
    public uint Uid { get; }

    /// <summary>The folder's file holding the exact message bytes; <c>null</c> when they are the evidence store's record.</summary>
    public string? Path { get; }

    /// <summary>The size in octets (<c>RFC822.SIZE</c>).</summary>
    public long Size { get; }

    /// <summary>When the message was filed (<c>INTERNALDATE</c>).</summary>
    public DateTimeOffset InternalDate { get; }

    /// <summary>True until a session sees the message with the folder selected read-write (that session then shows <c>\Recent</c>, RFC 3501 §2.3.2).</summary>
    public bool Recent { get; internal set; }

    /// <summary>
    /// Protocol views computed once from the immutable bytes (IMAP ENVELOPE, BODYSTRUCTURE, BODY), keyed by name, so a
    /// client syncing summaries does not make the server parse every message again (dovecot keeps the same in its cache).
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, string> Derived
    {
        get
        {
            var derived = Volatile.Read(ref _derived);
            if (derived is null)
            {
                Interlocked.CompareExchange(ref _derived, new(StringComparer.Ordinal), null);
                derived = _derived!;
            }

            return derived;
        }
    }

    /// <summary>True once the message was expunged: its file is gone and it is no longer in its folder.</summary>
    public bool Expunged { get; internal set; }

    /// <summary>A snapshot of the flags, without <c>\Recent</c> (which is <see cref="Recent"/>).</summary>
    public IReadOnlyList<string> Flags
    {
        get
        {
            lock (_flags)
            {
                return [.. _flags.Order(StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>True when the flag is set (case-insensitive).</summary>
    public bool HasFlag(string flag)
    {
        lock (_flags)
        {
            return _flags.Contains(flag);
        }
    }

    /// <summary>Reads the exact message bytes.</summary>
    public Task<byte[]> ReadAsync(CancellationToken cancellationToken) =>
        Path is null ? Task.FromResult(_readRecorded!()) : File.ReadAllBytesAsync(Path, cancellationToken);

    /// <summary>Reads the exact message bytes, synchronously (for parsers that pull).</summary>
    public byte[] Read() => Path is null ? _readRecorded!() : File.ReadAllBytes(Path);

    /// <summary>Replaces, adds or removes flags (IMAP STORE); returns true when the set changed.</summary>
    internal bool ChangeFlags(MailFlagChange change, IReadOnlyCollection<string> flags)
    {
        lock (_flags)
        {
            var before = _flags.Count;
            var snapshot = _flags.ToHashSet(StringComparer.OrdinalIgnoreCase);
            switch (change)
            {
                case MailFlagChange.Replace:
                    _flags.Clear();
                    _flags.UnionWith(flags);
                    break;
                case MailFlagChange.Add:
                    _flags.UnionWith(flags);
                    break;
                case MailFlagChange.Remove:
                    _flags.ExceptWith(flags);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(change), change, $"Unknown {nameof(MailFlagChange)}.");
            }

            return before != _flags.Count || !snapshot.SetEquals(_flags);
        }
    }
}

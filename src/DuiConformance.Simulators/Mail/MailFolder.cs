using System.Globalization;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// One IMAP folder of a <see cref="StoredMailbox"/> (RFC 3501 §2.3.1.1): messages in ascending UID order, a
/// UIDVALIDITY, the next UID. Appends write the file whole under a temporary name and rename it before the message
/// becomes visible, so a reader never sees a partial message; messages the SMTP simulator accepted are read from the
/// evidence store, where they were durable before the 250.
/// </summary>
public sealed class MailFolder
{
    private readonly Lock _gate = new();
    private readonly List<StoredMessage> _messages = [];
    private readonly string _directory;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _uidNext = 1;

    internal MailFolder(string name, string directory, uint uidValidity, TimeProvider time)
    {
        Name = name;
        _directory = directory;
        UidValidity = uidValidity;
        _time = time;
        System.IO.Directory.CreateDirectory(directory);
    }

    /// <summary>The folder name as created, e.g. <c>INBOX</c> or <c>Sent</c>.</summary>
    public string Name { get; }

    /// <summary>The UIDVALIDITY: UIDs are only meaningful together with it (RFC 3501 §2.3.1.1).</summary>
    public uint UidValidity { get; }

    /// <summary>The UID the next filed message will get.</summary>
    public uint UidNext
    {
        get
        {
            lock (_gate)
            {
                return _uidNext;
            }
        }
    }

    /// <summary>A snapshot of the messages, ascending by UID.</summary>
    public IReadOnlyList<StoredMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Completes at the next change (a message filed, expunged or re-flagged): what IDLE waits on (RFC 2177).</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>
    /// Files a message: the bytes are written and flushed to a temporary file, then renamed to <c>&lt;uid&gt;.eml</c>;
    /// only then is the message visible. A failure leaves nothing behind and nothing visible.
    /// </summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<StoredMessage> AppendAsync(ReadOnlyMemory<byte> content, IEnumerable<string>? flags = null, DateTimeOffset? internalDate = null, CancellationToken cancellationToken = default)
    {
        var temporary = Path.Combine(_directory, "tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            StoredMessage message;
            TaskCompletionSource changed;
            lock (_gate)
            {
                var uid = _uidNext++;
                var path = Path.Combine(_directory, uid.ToString(CultureInfo.InvariantCulture) + ".eml");
                File.Move(temporary, path);
                message = new StoredMessage(uid, path, content.Length, internalDate ?? _time.GetUtcNow(), flags ?? []);
                _messages.Add(message);
                changed = SwapChanged();
            }

            changed.TrySetResult();
            return message;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Files a message whose exact bytes are already durable in the evidence store (the SMTP simulator's record of the
    /// accepted message), read back through <paramref name="readRecorded"/>: nothing is copied or written again.
    /// </summary>
    /// <remarks>
    /// Note: smtp-ingest (issue 3 §7) — a second copy of each accepted message (a new inode and 100 KB written) was a
    /// sixth of the simulator's CPU, and a hard link to the evidence object still a new directory entry; the evidence
    /// journal now holds the bytes until its checkpoint, and the store reads them from wherever they are.
    /// </remarks>
    internal StoredMessage AppendRecorded(Func<byte[]> readRecorded, long size)
    {
        StoredMessage message;
        TaskCompletionSource changed;
        lock (_gate)
        {
            message = new StoredMessage(_uidNext++, readRecorded, size, _time.GetUtcNow(), []);
            _messages.Add(message);
            changed = SwapChanged();
        }

        changed.TrySetResult();
        return message;
    }

    /// <summary>Removes every message flagged <c>\Deleted</c> (RFC 3501 §6.4.3) and deletes its file; returns them.</summary>
    public IReadOnlyList<StoredMessage> Expunge(IReadOnlySet<uint>? onlyUids = null)
    {
        List<StoredMessage> removed;
        TaskCompletionSource? changed = null;
        lock (_gate)
        {
            removed = [.. _messages.Where(message => message.HasFlag("\\Deleted") && (onlyUids is null || onlyUids.Contains(message.Uid)))];
            if (removed.Count > 0)
            {
                _messages.RemoveAll(removed.Contains);
                changed = SwapChanged();
            }
        }

        foreach (var message in removed)
        {
            message.Expunged = true;

            // Note: a message recorded as evidence keeps its record; only the folder's own copies are deleted.
            if (message.Path is not null)
            {
                File.Delete(message.Path);
            }
        }

        changed?.TrySetResult();
        return removed;
    }

    /// <summary>Changes a message's flags and wakes IDLE sessions when the set changed.</summary>
    public bool ChangeFlags(StoredMessage message, MailFlagChange change, IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(flags);
        if (!message.ChangeFlags(change, flags))
        {
            return false;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = SwapChanged();
        }

        changed.TrySetResult();
        return true;
    }

    /// <summary>
    /// Clears <c>\Recent</c> on the given messages that still have it and returns their UIDs: the first session to see a
    /// message read-write takes its <c>\Recent</c> (RFC 3501 §2.3.2).
    /// </summary>
    internal IReadOnlyList<uint> TakeRecent(IEnumerable<StoredMessage> messages)
    {
        lock (_gate)
        {
            var taken = new List<uint>();
            foreach (var message in messages.Where(message => message.Recent))
            {
                message.Recent = false;
                taken.Add(message.Uid);
            }

            return taken;
        }
    }

    private TaskCompletionSource SwapChanged()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return changed;
    }
}

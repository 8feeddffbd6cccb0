using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace DuiConformance.Core.Evidence;

/// <summary>
/// Content-addressed, append-only store of everything the simulators and drivers record (DESIGN.md §2: record, then judge).
/// </summary>
/// <remarks>
/// Layout of the folder: <c>objects/&lt;sha256&gt;.&lt;ext&gt;</c> for contents, <c>index.jsonl</c> with one
/// <see cref="EvidenceItem"/> per line, and <c>manifest.json</c> with the SHA-256 of every file, written by
/// <see cref="WriteManifestAsync"/>. A content is first appended to the journal (<c>journal/*.pack</c>, see
/// <see cref="EvidenceJournal"/>); content and index line are flushed to disk, one fsync shared by the items recorded
/// together, before <see cref="RecordAsync"/> returns, so a simulator may acknowledge only what is stored. The journal is
/// copied to the object files when the store has been idle for <see cref="IdleCheckpointDelay"/>, by
/// <see cref="CheckpointAsync"/> and <see cref="WriteManifestAsync"/>, and by the next store opened on the folder after a
/// crash.
/// </remarks>
public sealed class EvidenceStore
{
    /// <summary>File name of the index, one JSON item per line.</summary>
    public const string IndexFileName = "index.jsonl";

    /// <summary>File name of the manifest of SHA-256 sums.</summary>
    public const string ManifestFileName = "manifest.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly List<EvidenceItem> _items = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Guid, (Func<EvidenceItem, bool> Match, TaskCompletionSource<EvidenceItem> Done)> _waiters = new();
    private readonly GroupCommit _commit;
    private readonly EvidenceJournal _journal;
    private readonly TimeProvider _time;
    private Timer? _idleTimer;
    private int _next;

    /// <summary>Opens (creating when needed) a store in <paramref name="directory"/>.</summary>
    public EvidenceStore(string directory, EvidenceTagContext tags, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(tags);
        Directory = Path.GetFullPath(directory);
        Tags = tags;
        _time = time ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "objects"));
        EvidenceJournal.Recover(Directory, IndexFileName);
        _journal = new EvidenceJournal(Directory, IndexFileName);
        _commit = new GroupCommit(_journal.FlushToDisk);
    }

    /// <summary>
    /// How long the store waits without a new item before it copies the journal to the object files in the background
    /// (<c>serve</c>, where a person may open the folder while the simulators run); <c>null</c>, the default, leaves that
    /// to <see cref="CheckpointAsync"/> and <see cref="WriteManifestAsync"/>. Real time, never the run's virtual clock.
    /// </summary>
    public TimeSpan? IdleCheckpointDelay { get; init; }

    /// <summary>How many recorded contents wait in the journal for their object file.</summary>
    public int JournalledCount => _journal.PendingCount;

    /// <summary>Absolute path of the evidence folder.</summary>
    public string Directory { get; }

    /// <summary>The tags stamped on new items.</summary>
    public EvidenceTagContext Tags { get; }

    /// <summary>
    /// Start of every item id (<c>ev-</c>); lanes of a parallel run give each store its own (<c>ev-l2-</c>) so that ids
    /// stay unique once the lanes' evidence is gathered into one folder.
    /// </summary>
    public string IdPrefix { get; init; } = "ev-";

    /// <summary>A snapshot of every item recorded so far, in recording order.</summary>
    public IReadOnlyList<EvidenceItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="content"/> durably and indexes it under the current tags.
    /// Returns once the bytes and the index line are flushed to disk.
    /// </summary>
    public Task<EvidenceItem> RecordAsync(
        string kind,
        ReadOnlyMemory<byte> content,
        string mediaType,
        IReadOnlyDictionary<string, string>? properties = null,
        CancellationToken cancellationToken = default) =>
        RecordCoreAsync(kind, content, mediaType, properties, flush: true, cancellationToken);

    /// <summary>
    /// Stores and indexes like <see cref="RecordAsync(string, ReadOnlyMemory{byte}, string, IReadOnlyDictionary{string, string}?, CancellationToken)"/>
    /// but returns before the flush: the item is durable once a later <c>RecordAsync</c> of this store returns (or the
    /// checkpoint ran). For a request whose answer is recorded next and only then sent: one fsync covers both, and
    /// nothing is acknowledged in between (issue 9 §8).
    /// </summary>
    public Task<EvidenceItem> RecordUnflushedAsync(
        string kind,
        ReadOnlyMemory<byte> content,
        string mediaType,
        IReadOnlyDictionary<string, string>? properties = null,
        CancellationToken cancellationToken = default) =>
        RecordCoreAsync(kind, content, mediaType, properties, flush: false, cancellationToken);

    private async Task<EvidenceItem> RecordCoreAsync(
        string kind,
        ReadOnlyMemory<byte> content,
        string mediaType,
        IReadOnlyDictionary<string, string>? properties,
        bool flush,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var relative = $"objects/{sha}{ExtensionFor(mediaType)}";
        cancellationToken.ThrowIfCancellationRequested();
        // Note: checked outside the journal's lock; an object file seen here is durable or still in the journal.
        var objectFileExists = File.Exists(Path.Combine(Directory, relative));
        EvidenceItem item;
        long sequence;
        lock (_gate)
        {
            // Note: under the lock, so ids, the journal, index.jsonl and Items keep one order; an item whose append
            // failed is never listed and its id is given back.
            _next++;
            item = new EvidenceItem(
                string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{_next:D4}"),
                kind,
                Tags.Current,
                sha,
                relative,
                mediaType,
                content.Length,
                _time.GetUtcNow(),
                properties is null ? new Dictionary<string, string>() : new Dictionary<string, string>(properties));
            try
            {
                _journal.Append(sha, relative, content, objectFileExists, IndexLine(item));
            }
            catch
            {
                _next--;
                throw;
            }

            _items.Add(item);
            sequence = _commit.Appended();
        }

        if (flush)
        {
            await _commit.WaitDurableAsync(sequence, cancellationToken).ConfigureAwait(false);
        }

        ArmIdleCheckpoint();
        foreach (var (key, waiter) in _waiters)
        {
            if (waiter.Match(item) && _waiters.TryRemove(key, out _))
            {
                waiter.Done.TrySetResult(item);
            }
        }

        return item;
    }

    /// <summary>Reads an item's content back.</summary>
    public byte[] ReadContent(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _journal.TryRead(item.File, out var content) ? content : File.ReadAllBytes(Path.Combine(Directory, item.File));
    }

    /// <summary>
    /// Copies every journalled content to its object file and removes the journal; returns how many objects it wrote.
    /// Items recorded meanwhile stay journalled for the next checkpoint.
    /// </summary>
    /// <exception cref="IOException">An object file could not be written; the journal is kept, nothing is lost.</exception>
    public Task<int> CheckpointAsync(CancellationToken cancellationToken = default) => _journal.CheckpointAsync(cancellationToken);

    /// <summary>
    /// Waits for an item matching <paramref name="match"/>, looking first at those recorded since
    /// <paramref name="afterCount"/> items. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<EvidenceItem> WaitForAsync(Func<EvidenceItem, bool> match, int afterCount, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var done = new TaskCompletionSource<EvidenceItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = Guid.NewGuid();
        _waiters[key] = (match, done);
        try
        {
            var existing = Items.Skip(afterCount).FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            return await done.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiters.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Checkpoints the journal, then writes <c>manifest.json</c>: the SHA-256 and size of every file in the folder but the
    /// manifest itself. For the end of a run, once nothing records any more.
    /// </summary>
    public async Task WriteManifestAsync(CancellationToken cancellationToken = default)
    {
        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<EvidenceManifestEntry>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Directory, path).Replace('\\', '/');
            if (relative == ManifestFileName || relative.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            await using var stream = File.OpenRead(path);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            files.Add(new EvidenceManifestEntry(relative, Convert.ToHexStringLower(hash), stream.Length));
        }

        var manifest = new EvidenceManifest("sha256", files);
        await File.WriteAllBytesAsync(
            Path.Combine(Directory, ManifestFileName),
            JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions(JsonOptions) { WriteIndented = true }),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the items of a store written earlier (from its <c>index.jsonl</c>).</summary>
    public static IReadOnlyList<EvidenceItem> ReadIndex(string directory)
    {
        var path = Path.Combine(directory, IndexFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<EvidenceItem>(line, JsonOptions)!)];
    }

    private static byte[] IndexLine(EvidenceItem item)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(item, JsonOptions);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }


    /// <summary>(Re)starts the idle countdown after an item: the checkpoint runs once nothing was recorded for the delay.</summary>
    private void ArmIdleCheckpoint()
    {
        if (IdleCheckpointDelay is not { } delay)
        {
            return;
        }

        var timer = Volatile.Read(ref _idleTimer);
        if (timer is null)
        {
            var created = new Timer(static state => _ = ((EvidenceStore)state!).IdleCheckpointAsync(), this, Timeout.Infinite, Timeout.Infinite);
            timer = Interlocked.CompareExchange(ref _idleTimer, created, null) ?? created;
            if (!ReferenceEquals(timer, created))
            {
                created.Dispose();
            }
        }

        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private async Task IdleCheckpointAsync()
    {
        try
        {
            await CheckpointAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Note: the journal is kept and stays readable; the closing checkpoint (WriteManifestAsync) retries and reports.
        }
    }

    private static string ExtensionFor(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "message/rfc822" => ".eml",
        "application/fhir+json" or "application/json" => ".json",
        "application/fhir+xml" or "application/xml" or "text/xml" or "application/soap+xml" => ".xml",
        "text/plain" => ".txt",
        "text/html" => ".html",
        "image/png" => ".png",
        "application/zip" => ".zip",
        "text/yaml" => ".yaml",
        _ => ".bin",
    };
}

/// <summary>The manifest of an evidence folder.</summary>
public sealed record EvidenceManifest(string Algorithm, IReadOnlyList<EvidenceManifestEntry> Files);

/// <summary>One file of the manifest.</summary>
public sealed record EvidenceManifestEntry(string Path, string Sha256, long Size);

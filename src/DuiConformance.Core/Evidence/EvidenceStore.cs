using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace DuiConformance.Core.Evidence;

/// <summary>
/// Content-addressed, append-only store of everything the simulators and drivers record (DESIGN.md §2: record, then judge).
/// </summary>
/// <remarks>
/// Layout of the folder: <c>objects/&lt;sha256&gt;.&lt;ext&gt;</c> for contents (written and flushed to disk before
/// <see cref="RecordAsync"/> returns, so a simulator may acknowledge only what is stored), <c>index.jsonl</c> with one
/// <see cref="EvidenceItem"/> per line (also on disk before <see cref="RecordAsync"/> returns, one fsync shared by the
/// items recorded together), and <c>manifest.json</c> with the SHA-256 of every file, written by
/// <see cref="WriteManifestAsync"/>.
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
    private readonly SemaphoreSlim _indexWrite = new(1, 1);
    private readonly IndexGroupCommit _indexCommit;
    private readonly TimeProvider _time;
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
        _indexCommit = new IndexGroupCommit(Path.Combine(Directory, IndexFileName));
    }

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
    /// Returns once the bytes are flushed to disk.
    /// </summary>
    public async Task<EvidenceItem> RecordAsync(
        string kind,
        ReadOnlyMemory<byte> content,
        string mediaType,
        IReadOnlyDictionary<string, string>? properties = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var relative = $"objects/{sha}{ExtensionFor(mediaType)}";
        var full = Path.Combine(Directory, relative);
        if (!File.Exists(full))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Note: write to a temporary name then rename, so a crash never leaves a truncated object under its hash.
            // One unbuffered write through the handle then fsync: on Unix an "asynchronous" FileStream only moves the
            // same blocking write to another pool thread and buffers through a fresh 80 KB array, and the fsync blocked
            // anyway (fhir-ingest stage breakdown, issue 9 §9).
            var temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(handle, content.Span, fileOffset: 0);
                RandomAccess.FlushToDisk(handle);
            }

            File.Move(temporary, full, overwrite: true);
        }

        EvidenceItem item;
        lock (_gate)
        {
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
            _items.Add(item);
        }

        await AppendIndexAsync(item, cancellationToken).ConfigureAwait(false);
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
        return File.ReadAllBytes(Path.Combine(Directory, item.File));
    }

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

    /// <summary>Writes <c>manifest.json</c>: the SHA-256 and size of every file in the folder but the manifest itself.</summary>
    public async Task WriteManifestAsync(CancellationToken cancellationToken = default)
    {
        await _indexWrite.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
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
        finally
        {
            _indexWrite.Release();
        }
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

    private async Task AppendIndexAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(item, JsonOptions);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        long sequence;
        await _indexWrite.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Note: one small synchronous append (the index line is a few hundred octets): cheaper than an asynchronous
            // StreamWriter per item.
            File.AppendAllBytes(Path.Combine(Directory, IndexFileName), line);
            sequence = _indexCommit.Appended();
        }
        finally
        {
            _indexWrite.Release();
        }

        await _indexCommit.WaitDurableAsync(sequence, cancellationToken).ConfigureAwait(false);
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

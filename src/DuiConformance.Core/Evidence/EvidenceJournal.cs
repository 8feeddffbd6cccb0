using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.Core.Evidence;

/// <summary>
/// The evidence store's write path and write-ahead journal. Each recorded item appends to one pack file
/// (<c>journal/000001.pack</c>) its content (when new) and its index line, and appends the line to <c>index.jsonl</c>; the
/// store's group commit then flushes the pack alone. A checkpoint — when the store is idle, when it closes, or when a
/// later process opens the folder after a crash — copies the contents to their content-addressed files
/// (<c>objects/&lt;sha256&gt;.&lt;ext&gt;</c>), flushes <c>index.jsonl</c>, and deletes the pack.
/// </summary>
/// <remarks>
/// Note: issue 3 §7 and issue 9 §9 — creating, writing, fsyncing and renaming one file per recorded item, then fsyncing
/// the index too, was most of the simulators' cost per accepted message or bundle (kernel time in inode and directory
/// work, measured with perf); an append to one open file and one fsync shared by everything recorded meanwhile costs a
/// fraction of it. The files the evidence-folder contract names (DESIGN.md §3) exist once the store is checkpointed.
/// <para>
/// Record layout, little-endian: magic (<c>DUJ1</c> for a content, <c>DUJX</c> for an index line), SHA-256 of the
/// payload (32 octets), payload length (8), length of the relative object path (2, zero for an index line), the path in
/// UTF-8, the payload. Records are written one after the other under a lock, so a crash can only tear the tail; recovery
/// keeps every whole record whose payload matches its hash and stops at the first that does not (never acknowledged: an
/// acknowledged record was fsync'ed with everything before it).
/// </para>
/// </remarks>
internal sealed partial class EvidenceJournal
{
    /// <summary>Name of the journal folder inside the evidence folder.</summary>
    public const string DirectoryName = "journal";

    private const int HeaderLength = 4 + 32 + 8 + 2;

    /// <summary>
    /// Pack files grow by zero-filled steps of at least this size, ahead of the records, while fsyncs come often: an fsync
    /// then writes the records' pages alone, not the file's new size and block map with them (the same reason PostgreSQL
    /// zero-fills its WAL segments).
    /// </summary>
    private const int GrowthStep = 4 << 20;

    /// <summary>
    /// Below this many octets per fsync (moving average), zero-filling pays: measured here, an fsync of a growing file
    /// costs ~50 CPU-µs more than one within written blocks, and zero-filling ~0.27 CPU-µs per KiB (break-even near
    /// 190 KiB). fhir-ingest one bundle at a time (28 KiB per fsync): evidence write 140 → 80 CPU-µs; smtp-ingest under
    /// load (several 100 KB messages per fsync): zero-filling cost 15–25 % of the rate, so it is left out there.
    /// </summary>
    private const long ZeroFillBelowBytesPerFlush = 192 << 10;

    private static readonly byte[] Zeros = new byte[1 << 20];
    private static readonly byte[] ContentMagic = "DUJ1"u8.ToArray();
    private static readonly byte[] IndexLineMagic = "DUJX"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _checkpointing = new(1, 1);
    private readonly string _evidenceDirectory;
    private readonly string _journalDirectory;
    private readonly string _indexPath;
    private readonly Dictionary<string, Location> _pending = new(StringComparer.Ordinal);
    private readonly List<Generation> _open = [];
    private Generation? _current;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _index;
    private long _indexLength;
    private long _bytesSinceFlush;
    private long _bytesPerFlush;
    private int _nextGeneration = 1;

    public EvidenceJournal(string evidenceDirectory, string indexFileName)
    {
        _evidenceDirectory = evidenceDirectory;
        _journalDirectory = Path.Combine(evidenceDirectory, DirectoryName);
        _indexPath = Path.Combine(evidenceDirectory, indexFileName);
    }

    /// <summary>How many recorded contents are in the journal and not yet in their object file.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Journals one item: its content unless <paramref name="relative"/> is already journalled or
    /// <paramref name="objectFileExists"/>, and its index line, then appends the line to <c>index.jsonl</c>. Not yet durable:
    /// the caller's group commit calls <see cref="FlushToDisk"/>. A failed write leaves nothing registered, and the next
    /// append overwrites the torn bytes.
    /// </summary>
    /// <exception cref="IOException">The journal or the index could not be created or written.</exception>
    public void Append(string sha, string relative, ReadOnlyMemory<byte> content, bool objectFileExists, byte[] indexLine)
    {
        var indexHeader = Header(IndexLineMagic, SHA256.HashData(indexLine), indexLine.Length, []);
        lock (_gate)
        {
            var generation = _current ??= OpenGeneration();
            var offset = generation.Length;
            Location? location = null;
            var storeContent = !objectFileExists && !_pending.ContainsKey(relative);
            var contentHeader = storeContent ? Header(ContentMagic, Convert.FromHexString(sha), content.Length, Encoding.UTF8.GetBytes(relative)) : [];
            var end = offset + contentHeader.Length + (storeContent ? content.Length : 0) + indexHeader.Length + indexLine.Length;
            if (end > generation.Capacity)
            {
                if (Volatile.Read(ref _bytesPerFlush) < ZeroFillBelowBytesPerFlush)
                {
                    Grow(generation, end);
                }
                else
                {
                    generation.Capacity = end;
                }
            }

            _bytesSinceFlush += end - offset;

            // Note: one gathered write (pwritev) for the records, at the end of the pack, under the lock: records never
            // interleave, so a crash can only tear the last one.
            if (storeContent)
            {
                RandomAccess.Write(generation.Handle, [contentHeader, content, indexHeader, indexLine], offset);
                location = new Location(generation, relative, offset + contentHeader.Length, content.Length);
            }
            else
            {
                RandomAccess.Write(generation.Handle, [indexHeader, indexLine], offset);
            }

            generation.Length = end;

            // Note: the index line goes to index.jsonl under the same lock, so a checkpoint that seals this pack finds the
            // line in index.jsonl when it flushes it. Failing that, the records just written are given back.
            try
            {
                _index ??= OpenIndex(out _indexLength);
                RandomAccess.Write(_index, indexLine, _indexLength);
                _indexLength += indexLine.Length;
            }
            catch
            {
                generation.Length = offset;
                throw;
            }
            if (location is not null)
            {
                generation.Entries.Add(location);
                _pending[relative] = location;
            }
        }
    }

    /// <summary>Flushes every open pack file to the disk (the group commit's fsync).</summary>
    public void FlushToDisk()
    {
        List<Generation> open;
        lock (_gate)
        {
            open = [.. _open];
            Volatile.Write(ref _bytesPerFlush, ((_bytesPerFlush * 3) + _bytesSinceFlush) / 4);
            _bytesSinceFlush = 0;
        }

        foreach (var generation in open)
        {
            try
            {
                RandomAccess.FlushToDisk(generation.Handle);
            }
            catch (ObjectDisposedException)
            {
                // Note: checkpointed meanwhile: its contents are in fsync'ed object files.
            }
        }
    }

    /// <summary>Reads a journalled object's content; false when it is not (or no longer) in the journal.</summary>
    public bool TryRead(string relative, out byte[] content)
    {
        Location location;
        lock (_gate)
        {
            if (!_pending.TryGetValue(relative, out location!))
            {
                content = [];
                return false;
            }
        }

        try
        {
            content = ReadExactly(location.Generation.Handle, location.Offset, location.Length);
            return true;
        }
        catch (ObjectDisposedException)
        {
            // Note: checkpointed between the lookup and the read: the object file holds it now.
            content = [];
            return false;
        }
    }

    /// <summary>
    /// Copies every journalled content to its object file, flushes them to disk, then deletes the pack files; returns
    /// how many objects it wrote. Contents recorded meanwhile go to a new pack file, left for the next checkpoint.
    /// </summary>
    /// <exception cref="IOException">An object could not be written; the journal is kept, so nothing is lost.</exception>
    public async Task<int> CheckpointAsync(CancellationToken cancellationToken)
    {
        await _checkpointing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<Generation> sealedGenerations;
            lock (_gate)
            {
                _current = null;
                sealedGenerations = [.. _open];
            }

            // Note: every object is written, then one flush of the file system makes them and index.jsonl durable (every
            // index line of the sealed packs is in it, written under the lock that sealed them); only then are the packs
            // deleted. One file system flush costs less than an fsync per file: fhir-ingest, 14 KB objects.
            var written = new List<string>();
            foreach (var generation in sealedGenerations)
            {
                Materialize(generation, written);
            }

            if (sealedGenerations.Count > 0)
            {
                DurableFiles.Flush([.. written, .. File.Exists(_indexPath) ? [_indexPath] : Array.Empty<string>()]);
            }

            foreach (var generation in sealedGenerations)
            {
                lock (_gate)
                {
                    foreach (var location in generation.Entries)
                    {
                        if (_pending.TryGetValue(location.Relative, out var pending) && ReferenceEquals(pending, location))
                        {
                            _pending.Remove(location.Relative);
                        }
                    }

                    _open.Remove(generation);
                }

                generation.Handle.Dispose();
                File.Delete(generation.Path);
            }

            lock (_gate)
            {
                if (_open.Count == 0 && Directory.Exists(_journalDirectory) && !Directory.EnumerateFileSystemEntries(_journalDirectory).Any())
                {
                    Directory.Delete(_journalDirectory);
                }
            }

            return written.Count;
        }
        finally
        {
            _checkpointing.Release();
        }
    }

    /// <summary>
    /// Completes the checkpoint of the pack files a previous process left in <paramref name="evidenceDirectory"/> (it
    /// stopped before its own): writes their contents' object files, appends to <paramref name="indexFileName"/> the
    /// index lines it lacks (after cutting a torn last line), flushes both, and deletes the packs; returns how many
    /// objects it wrote.
    /// </summary>
    public static int Recover(string evidenceDirectory, string indexFileName)
    {
        var journalDirectory = Path.Combine(evidenceDirectory, DirectoryName);
        if (!Directory.Exists(journalDirectory))
        {
            return 0;
        }

        var objects = new List<string>();
        var lines = new List<byte[]>();
        var packs = Directory.EnumerateFiles(journalDirectory, "*.pack").Order(StringComparer.Ordinal).ToList();
        foreach (var path in packs)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            foreach (var record in ReadRecords(handle))
            {
                if (record.Relative is null)
                {
                    lines.Add(record.Payload);
                }
                else
                {
                    // Note: rewritten even when present: the process may have stopped half-way through writing it.
                    var full = Path.Combine(evidenceDirectory, record.Relative);
                    WriteObject(full, record.Payload);
                    objects.Add(full);
                }
            }
        }

        DurableFiles.Flush(objects);
        RestoreIndexLines(Path.Combine(evidenceDirectory, indexFileName), lines);
        foreach (var path in packs)
        {
            File.Delete(path);
        }

        if (!Directory.EnumerateFileSystemEntries(journalDirectory).Any())
        {
            Directory.Delete(journalDirectory);
        }

        return objects.Count;
    }

    /// <summary>Appends the journalled index lines the index file lacks, in order, after cutting its torn last line.</summary>
    private static void RestoreIndexLines(string indexPath, List<byte[]> journalled)
    {
        var existing = File.Exists(indexPath) ? File.ReadAllBytes(indexPath) : [];
        var whole = existing.AsSpan().LastIndexOf((byte)'\n') + 1;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(existing, 0, whole).Split('\n'))
        {
            present.Add(line);
        }

        var missing = journalled.Where(line => !present.Contains(Encoding.UTF8.GetString(line, 0, line.Length - 1))).ToList();
        if (missing.Count == 0 && whole == existing.Length)
        {
            return;
        }

        using (var handle = File.OpenHandle(indexPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
        {
            RandomAccess.SetLength(handle, whole);
            long offset = whole;
            foreach (var line in missing)
            {
                RandomAccess.Write(handle, line, offset);
                offset += line.Length;
            }

            RandomAccess.FlushToDisk(handle);
        }
    }

    private static byte[] Header(byte[] magic, byte[] sha, int length, byte[] path)
    {
        var header = new byte[HeaderLength + path.Length];
        magic.CopyTo(header, 0);
        sha.CopyTo(header, 4);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(36), length);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(44), checked((ushort)path.Length));
        path.CopyTo(header, HeaderLength);
        return header;
    }

    private Microsoft.Win32.SafeHandles.SafeFileHandle OpenIndex(out long length)
    {
        var handle = File.OpenHandle(_indexPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        length = RandomAccess.GetLength(handle);
        return handle;
    }

    /// <summary>Zero-fills the pack from its capacity to past <paramref name="end"/>, by <see cref="GrowthStep"/>s.</summary>
    private static void Grow(Generation generation, long end)
    {
        var capacity = Math.Max(end, generation.Capacity + GrowthStep);
        for (var at = generation.Capacity; at < capacity; at += Zeros.Length)
        {
            RandomAccess.Write(generation.Handle, Zeros.AsSpan(0, (int)Math.Min(Zeros.Length, capacity - at)), at);
        }

        generation.Capacity = capacity;
    }

    private Generation OpenGeneration()
    {
        Directory.CreateDirectory(_journalDirectory);
        var path = Path.Combine(_journalDirectory, $"{_nextGeneration++:D6}.pack");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        var generation = new Generation(path, handle);
        _open.Add(generation);
        return generation;
    }

    private void Materialize(Generation generation, List<string> written)
    {
        foreach (var location in generation.Entries)
        {
            var full = Path.Combine(_evidenceDirectory, location.Relative);
            if (!File.Exists(full))
            {
                WriteObject(full, ReadExactly(generation.Handle, location.Offset, location.Length));
                written.Add(full);
            }
        }
    }

    /// <summary>
    /// Writes one object file under its final name, not flushed (the caller flushes the file system before the journal
    /// that also holds the content is deleted); a failed write leaves no partial file behind.
    /// </summary>
    private static void WriteObject(string full, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // Note: FileMode.Create: recovery rewrites a file a stopped checkpoint may have left half-written.
            using var handle = File.OpenHandle(full, FileMode.Create, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, content, fileOffset: 0);
        }
        catch
        {
            File.Delete(full);
            throw;
        }
    }

    /// <summary>The whole records of a pack file, stopping at the first torn or corrupt one.</summary>
    private static List<(string? Relative, byte[] Payload)> ReadRecords(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var records = new List<(string?, byte[])>();
        var size = RandomAccess.GetLength(handle);
        var header = new byte[HeaderLength];
        long offset = 0;
        while (offset + HeaderLength <= size)
        {
            if (RandomAccess.Read(handle, header, offset) != HeaderLength)
            {
                break;
            }

            var isContent = header.AsSpan(0, 4).SequenceEqual(ContentMagic);
            var isIndexLine = header.AsSpan(0, 4).SequenceEqual(IndexLineMagic);
            var length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(36));
            var pathLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(44));
            var payloadOffset = offset + HeaderLength + pathLength;
            if (!(isContent || isIndexLine) || length < 0 || length > int.MaxValue || payloadOffset + length > size)
            {
                break;
            }

            var relative = isContent ? Encoding.UTF8.GetString(ReadExactly(handle, offset + HeaderLength, pathLength)) : null;
            var payload = ReadExactly(handle, payloadOffset, (int)length);

            // Note: a path the store would never write (a tampered journal) is refused, so recovery writes nowhere else;
            // an index line is one JSON object ending in a line feed.
            var valid = SHA256.HashData(payload).AsSpan().SequenceEqual(header.AsSpan(4, 32))
                && (isContent ? ObjectPath().IsMatch(relative!) : pathLength == 0 && payload.Length > 1 && payload[^1] == (byte)'\n' && payload.AsSpan(0, payload.Length - 1).IndexOf((byte)'\n') < 0);
            if (!valid)
            {
                break;
            }

            records.Add((relative, payload));
            offset = payloadOffset + length;
        }

        return records;
    }

    private static byte[] ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long offset, int length)
    {
        var buffer = new byte[length];
        var done = 0;
        while (done < length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new EndOfStreamException($"The evidence journal ends before the {length} octets recorded at {offset}.");
            }

            done += read;
        }

        return buffer;
    }

    [GeneratedRegex(@"^objects/[0-9a-f]{64}\.[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ObjectPath();

    private sealed class Generation(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        public string Path { get; } = path;

        public Microsoft.Win32.SafeHandles.SafeFileHandle Handle { get; } = handle;

        /// <summary>Octets of records written.</summary>
        public long Length { get; set; }

        /// <summary>Octets of file, records then zeros (<see cref="GrowthStep"/>).</summary>
        public long Capacity { get; set; }

        public List<Location> Entries { get; } = [];
    }

    private sealed class Location(Generation generation, string relative, long offset, int length)
    {
        public Generation Generation { get; } = generation;

        public string Relative { get; } = relative;

        public long Offset { get; } = offset;

        public int Length { get; } = length;
    }
}

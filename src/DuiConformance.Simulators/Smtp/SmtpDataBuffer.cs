using System.Buffers;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The session's buffer for message content: rented from <see cref="ArrayPool{T}.Shared"/>, grown by doubling, reused
/// for every message of the session and returned at its end. What <see cref="Written"/> exposes stays valid until the
/// next <see cref="Clear"/>, i.e. until the next DATA of the same session.
/// </summary>
/// <remarks>
/// Note: smtp-ingest (issue 3 §7) — a fresh MemoryStream per message grew through 128 KB and 256 KB arrays on the large
/// object heap for every 100 KB message, and the collections it caused were a large part of the simulator's CPU.
/// </remarks>
internal sealed class SmtpDataBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private byte[] _array = [];
    private int _length;

    /// <summary>The octets appended since the last <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

    /// <summary>Forgets the content (keeps the array for the next message).</summary>
    public void Clear() => _length = 0;

    /// <summary>Appends octets, growing the array when needed.</summary>
    public void Append(ReadOnlySpan<byte> octets)
    {
        if (_array.Length - _length < octets.Length)
        {
            Grow(_length + octets.Length);
        }

        octets.CopyTo(_array.AsSpan(_length));
        _length += octets.Length;
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Max(InitialSize, _array.Length);
        while (size < needed)
        {
            size = checked(size * 2);
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, _length).CopyTo(bigger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = bigger;
    }
}

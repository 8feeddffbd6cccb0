using System.Globalization;

namespace DuiConformance.Simulators.Imap;

/// <summary>
/// A sequence set such as <c>1:3,7,10:*</c> (RFC 3501 §9 <c>sequence-set</c>), resolved against the session's view by
/// sequence number or by UID. <c>*</c> is the largest number in use; <c>n:*</c> includes it even when n is larger
/// (§6.4.8).
/// </summary>
public sealed class ImapSequenceSet
{
    private readonly List<(uint From, uint To)> _ranges;

    private ImapSequenceSet(List<(uint From, uint To)> ranges)
    {
        _ranges = ranges;
    }

    /// <summary>Parses a set; throws <see cref="ImapReplyException"/> (BAD) when malformed. <c>*</c> is <see cref="uint.MaxValue"/>.</summary>
    public static ImapSequenceSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<(uint, uint)>();
        foreach (var part in text.Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var first = Number(colon < 0 ? part : part[..colon]);
            var last = colon < 0 ? first : Number(part[(colon + 1)..]);
            ranges.Add((Math.Min(first, last), Math.Max(first, last)));
        }

        return new ImapSequenceSet(ranges);
    }

    /// <summary>The positions (0-based) in <paramref name="view"/> the set selects, ascending.</summary>
    /// <param name="view">The messages as the client knows them.</param>
    /// <param name="byUid">True to match UIDs, false to match sequence numbers.</param>
    /// <exception cref="ImapReplyException">A sequence number beyond the view (BAD, RFC 3501 §9 "invalid sequence number").</exception>
    public IReadOnlyList<int> Resolve(IReadOnlyList<Mail.StoredMessage> view, bool byUid)
    {
        ArgumentNullException.ThrowIfNull(view);
        var largest = byUid ? (view.Count == 0 ? 0u : view[^1].Uid) : (uint)view.Count;
        var ranges = _ranges.Select(range => Bound(range, largest)).ToList();
        var positions = new List<int>();
        if (!byUid)
        {
            foreach (var (from, to) in ranges)
            {
                if (from == 0 || to > view.Count)
                {
                    throw ImapReplyException.Syntax("Error in IMAP command: invalid sequence number.");
                }
            }
        }

        for (var index = 0; index < view.Count; index++)
        {
            var number = byUid ? view[index].Uid : (uint)(index + 1);
            if (ranges.Any(range => number >= range.From && number <= range.To))
            {
                positions.Add(index);
            }
        }

        return positions;
    }

    /// <summary>True when <paramref name="number"/> is in the set, <c>*</c> standing for <paramref name="largest"/>.</summary>
    public bool Contains(uint number, uint largest) =>
        _ranges.Select(range => Bound(range, largest)).Any(range => number >= range.From && number <= range.To);

    /// <summary>Writes UIDs compactly, e.g. <c>3:5,9</c> (for COPYUID and APPENDUID).</summary>
    public static string Format(IEnumerable<uint> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var parts = new List<string>();
        uint? start = null, previous = null;
        foreach (var number in numbers)
        {
            if (previous is { } last && number == last + 1)
            {
                previous = number;
                continue;
            }

            Flush();
            start = previous = number;
        }

        Flush();
        return string.Join(',', parts);

        void Flush()
        {
            if (start is { } first && previous is { } end)
            {
                parts.Add(first == end
                    ? first.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{first}:{end}"));
            }
        }
    }

    private static (uint From, uint To) Bound((uint From, uint To) range, uint largest)
    {
        var from = range.From == uint.MaxValue ? largest : range.From;
        var to = range.To == uint.MaxValue ? largest : range.To;
        return (Math.Min(from, to), Math.Max(from, to));
    }

    private static uint Number(string text)
    {
        if (text == "*")
        {
            return uint.MaxValue;
        }

        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command: invalid sequence set.");
        }

        return number;
    }
}

using System.Threading.Channels;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>A <see cref="TextReader"/> whose lines come from a channel: the keyboard a script types on. Ends when the channel completes.</summary>
public sealed class LineChannelReader : TextReader
{
    private readonly ChannelReader<string> _lines;

    /// <summary>Creates a reader over <paramref name="lines"/>.</summary>
    public LineChannelReader(ChannelReader<string> lines) => _lines = lines;

    /// <inheritdoc />
    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    /// <inheritdoc />
    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }
}

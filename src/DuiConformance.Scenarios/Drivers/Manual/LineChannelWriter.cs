using System.Text;
using System.Threading.Channels;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>A <see cref="TextWriter"/> that hands every complete line to a channel: the screen a script reads.</summary>
public sealed class LineChannelWriter : TextWriter
{
    private readonly ChannelWriter<string> _lines;
    private readonly StringBuilder _current = new();
    private readonly Lock _gate = new();

    /// <summary>Creates a writer feeding <paramref name="lines"/>.</summary>
    public LineChannelWriter(ChannelWriter<string> lines) => _lines = lines;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.TryWrite(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        foreach (var character in value ?? string.Empty)
        {
            Write(character);
        }
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task FlushAsync() => Task.CompletedTask;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.TryComplete();
        }

        base.Dispose(disposing);
    }
}

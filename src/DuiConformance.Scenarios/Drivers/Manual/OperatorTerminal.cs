namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// The manual driver's side of the terminal: lines written to the operator, lines read from them. At most one read is
/// pending at a time and it survives a step that ended without it (the proving traffic came first), so a reader that
/// cannot be cancelled (the console) is never read twice at once.
/// </summary>
public sealed class OperatorTerminal
{
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private Task<string?>? _pending;

    /// <summary>Creates a terminal over an injected reader and writer (never the console directly).</summary>
    public OperatorTerminal(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input;
        _output = output;
    }

    /// <summary>Writes one line and flushes, so a script reading the other end sees it at once.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _output.WriteLineAsync(line).ConfigureAwait(false);
        await _output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The next line typed (<c>null</c> once the input has ended); the same task until <see cref="Consume"/> is called.</summary>
    public Task<string?> NextLine()
    {
        // Note: Task.Run because TextReader.ReadLineAsync of the console's reader blocks its caller; a pool thread may
        // block instead, the driver's flow never does.
        _pending ??= Task.Run(() => _input.ReadLineAsync(CancellationToken.None).AsTask());
        return _pending;
    }

    /// <summary>Marks the pending line as used, so the next <see cref="NextLine"/> reads a new one.</summary>
    public void Consume() => _pending = null;

    /// <summary>
    /// Removes a line typed before the question it would answer was shown (for instance while the harness was still
    /// printing), returning it, so it is recorded but never taken as the answer to a question the person had not read.
    /// </summary>
    public string? TakeEarlyLine()
    {
        if (_pending is { IsCompletedSuccessfully: true } done && done.Result is { } line)
        {
            _pending = null;
            return line;
        }

        return null;
    }

    /// <summary>Waits for the next line, up to <paramref name="timeout"/>; <c>null</c> when the input ended.</summary>
    /// <exception cref="TimeoutException">Nothing was typed in time.</exception>
    public async Task<string?> ReadLineAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var line = await NextLine().WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        Consume();
        return line;
    }
}

using System.Threading.Channels;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// A person replaced by a script, for the manual driver: it reads what the driver prints on <see cref="Screen"/>, and for
/// every question of an action step calls the delegate registered for that verb, which does the action in the DUI (web
/// form posts, an API…) and returns the line to type (<c>o</c>, <c>n raison</c>, <c>p</c>, <c>?</c>); it presses Enter
/// at the set-up question and types nothing after an action the harness observed (its answer served as Enter).
/// Give <see cref="Keyboard"/> and <see cref="Screen"/> to the driver.
/// </summary>
public sealed class ScriptedOperator : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>> _actions;
    private readonly Channel<string> _screen = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<string> _keyboard = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _transcript = [];
    private readonly List<ManualPrompt> _prompts = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ManualTexts[] _languages = [new("fr"), new("en")];

    /// <summary>Starts the script.</summary>
    /// <param name="actions">What to do for each verb; a verb without a delegate is answered <c>n</c> with the reason that the script cannot do it.</param>
    public ScriptedOperator(IReadOnlyDictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = actions;
        Screen = new LineChannelWriter(_screen.Writer);
        Keyboard = new LineChannelReader(_keyboard.Reader);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>What the driver reads: the lines the script types.</summary>
    public TextReader Keyboard { get; }

    /// <summary>Where the driver prints: the script reads it.</summary>
    public TextWriter Screen { get; }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Transcript
    {
        get
        {
            lock (_gate)
            {
                return [.. _transcript];
            }
        }
    }

    /// <summary>Every action question answered so far.</summary>
    public IReadOnlyList<ManualPrompt> Prompts
    {
        get
        {
            lock (_gate)
            {
                return [.. _prompts];
            }
        }
    }

    /// <summary>The value of a connection fact printed before the first scenario (<c>  · label : value</c>), or <c>null</c>.</summary>
    public string? Fact(string label)
    {
        var prefix = ManualTexts.FactMarker + label + " : ";
        return Transcript.LastOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> has been printed.</summary>
    /// <exception cref="TimeoutException">Not printed in time.</exception>
    public async Task WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Transcript.Any(line => line.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"« {prefix} » not printed within {timeout}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the input (the driver then reads the end of input), stops the script and reports what it threw.</summary>
    public async ValueTask DisposeAsync()
    {
        _keyboard.Writer.TryComplete();
        _screen.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Note: stopping the script is how it normally ends.
        }

        _stop.Dispose();
        Screen.Dispose();
        Keyboard.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var scenario = string.Empty;
        var action = string.Empty;
        var header = string.Empty;
        var lines = new List<string>();
        var attempt = 0;
        await foreach (var line in _screen.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_gate)
            {
                _transcript.Add(line);
            }

            if (line.StartsWith(ManualTexts.ScenarioMarker, StringComparison.Ordinal))
            {
                var words = line[ManualTexts.ScenarioMarker.Length..].Split(' ');
                if (words.Length > 1 && words[0] is "Scénario" or "Scenario")
                {
                    scenario = words[1];
                }
            }
            else if (line.StartsWith(ManualTexts.StepMarker, StringComparison.Ordinal))
            {
                var parts = line.Split(" · ");
                action = parts.Length > 1 ? parts[1] : string.Empty;
                header = line;
                lines.Clear();
                attempt = 0;
            }
            else if (line.StartsWith(ManualTexts.PromptMarker, StringComparison.Ordinal))
            {
                var answer = await AnswerAsync(line, new ManualPrompt(scenario, action, header, [.. lines], attempt + 1), cancellationToken).ConfigureAwait(false);
                if (answer is not null)
                {
                    attempt += line.EndsWith(_languages[0].AnswerTag, StringComparison.Ordinal) || line.EndsWith(_languages[1].AnswerTag, StringComparison.Ordinal) ? 1 : 0;
                    await _keyboard.Writer.WriteAsync(answer, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                lines.Add(line);
            }
        }
    }

    private async Task<string?> AnswerAsync(string line, ManualPrompt prompt, CancellationToken cancellationToken)
    {
        if (_languages.Any(texts => line == texts.AnswerPrompt))
        {
            lock (_gate)
            {
                _prompts.Add(prompt);
            }

            if (!_actions.TryGetValue(prompt.Action, out var perform))
            {
                return $"n le script ne sait pas réaliser « {prompt.Action} »";
            }

            try
            {
                return await perform(prompt, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A script that breaks answers « impossible » with the reason, as a person would; the run goes on and the report shows it.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                return $"n le script a échoué : {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}";
            }
        }

        // Note: after an observed action the driver takes one line as Enter; the script's answer, typed once the action
        // was done, already is that line (whichever the driver saw first), so nothing more is typed.
        if (_languages.Any(texts => line == texts.ContinuePrompt))
        {
            return prompt.Attempt > 1 ? null : string.Empty;
        }

        if (_languages.Any(texts => line == texts.ReasonPrompt))
        {
            return "raison non précisée par le script";
        }

        return string.Empty;
    }
}

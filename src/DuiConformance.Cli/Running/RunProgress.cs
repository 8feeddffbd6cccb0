using System.Globalization;
using System.Text;
using DuiConformance.Core.Reporting;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Cli.Running;

/// <summary>
/// What a run shows while it works. On a terminal, a live status line (scenarios done, what each lane is doing, checks
/// judged) stays under the finished lines; elsewhere, plain lines only; with <c>--quiet</c>, nothing (the final summary
/// and errors are written by the caller). Safe for lanes that report at the same time.
/// </summary>
public sealed class RunProgress
{
    private readonly TextWriter _output;
    private readonly CliTexts _texts;
    private readonly bool _quiet;
    private readonly bool _live;
    private readonly int _total;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StringBuilder> _blocks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, string> _lanes = [];
    private readonly bool _buffered;
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly ITimer? _tick;
    private int _done;
    private int _checks;
    private bool _statusShown;

    /// <summary>Creates the display.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="texts">Messages in the run's language.</param>
    /// <param name="total">Number of scenarios in the run.</param>
    /// <param name="lanes">Number of lanes: with more than one, a scenario's lines are written together once it ends.</param>
    /// <param name="quiet">Write nothing.</param>
    /// <param name="live">Keep a live status line (for a terminal).</param>
    public RunProgress(TextWriter output, CliTexts texts, int total, int lanes, bool quiet, bool live)
    {
        _output = output;
        _texts = texts;
        _total = total;
        _quiet = quiet;
        _live = live && !quiet;
        _buffered = lanes > 1;
        if (_live)
        {
            // Note: redraw every second, so the elapsed time moves even while a long step runs.
            _tick = TimeProvider.System.CreateTimer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>True when <paramref name="output"/> is the console and the console is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A lane begins a scenario.</summary>
    public void ScenarioStarted(int lane, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_gate)
        {
            _lanes[lane] = scenario.Id;
            if (_buffered)
            {
                _blocks[scenario.Id] = new StringBuilder().Append(_texts.Scenario(scenario)).Append('\n');
                Redraw();
            }
            else
            {
                Write(_texts.Scenario(scenario));
            }
        }
    }

    /// <summary>A lane ended a step.</summary>
    public void StepCompleted(int lane, ScenarioDefinition scenario, StepReport step)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            _lanes[lane] = $"{scenario.Id} ▸ {step.Id}";
            if (step.Kind == "check")
            {
                // Note: a check step's title ends with its number of checks, "Contrôles (13)".
                _checks += CountOf(step.Title);
            }

            if (_buffered && _blocks.TryGetValue(scenario.Id, out var block))
            {
                block.Append(_texts.Step(step)).Append('\n');
                Redraw();
            }
            else
            {
                Write(_texts.Step(step));
            }
        }
    }

    /// <summary>A lane ended a scenario.</summary>
    public void ScenarioFinished(int lane, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_gate)
        {
            _done++;
            _lanes.Remove(lane);
            if (_buffered && _blocks.Remove(scenario.Id, out var block))
            {
                Write(block.ToString().TrimEnd('\n'));
            }
            else
            {
                Redraw();
            }
        }
    }

    /// <summary>Removes the status line before the final summary.</summary>
    public void Complete()
    {
        _tick?.Dispose();
        lock (_gate)
        {
            ClearStatus();
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            Redraw();
        }
    }

    private static int CountOf(string title)
    {
        var open = title.LastIndexOf('(');
        var close = title.LastIndexOf(')');
        return open >= 0 && close > open && int.TryParse(title.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }

    private void Write(string lines)
    {
        if (_quiet)
        {
            return;
        }

        ClearStatus();
        _output.WriteLine(lines);
        Redraw();
    }

    private void Redraw()
    {
        if (!_live)
        {
            return;
        }

        var lanes = string.Join(" · ", _lanes.Select(pair => string.Create(CultureInfo.InvariantCulture, $"[{pair.Key}] {pair.Value}")));
        var elapsed = TimeProvider.System.GetElapsedTime(_started);
        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00} ") + _texts.Status(_done, _total, _checks, lanes);
        var width = !Console.IsOutputRedirected && Console.WindowWidth is var columns && columns > 40 ? columns - 1 : 120;
        _output.Write("\r\u001b[2K\u001b[7m" + (status.Length > width ? status[..width] : status) + "\u001b[0m");
        _output.Flush();
        _statusShown = true;
    }

    private void ClearStatus()
    {
        if (_statusShown)
        {
            _output.Write("\r\u001b[2K");
            _statusShown = false;
        }
    }
}

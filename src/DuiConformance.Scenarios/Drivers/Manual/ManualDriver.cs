using System.Text.Json;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// Drives a DUI through a person (issue 6 §2): for each action it prints what to do in their DUI (French by default,
/// from <see cref="ManualInstructionCatalogue"/>, with the scenario's data filled in), then waits for whichever comes
/// first: the traffic that proves the action, recorded by a simulator, or the operator's answer (<c>o</c> done,
/// <c>n</c> impossible + reason, <c>p</c> skip, <c>?</c> help). Every answer is recorded as
/// <see cref="EvidenceKinds.OperatorAnswer"/> evidence, and the step's message says whether the action was observed by
/// the harness or only attested by the person.
/// </summary>
/// <remarks>
/// Values a later step needs (the usager's id, the document's) are made unnecessary: instructions name records by the
/// usager's traits and "the latest document", which the person finds in their own DUI, so nothing has to be read back.
/// </remarks>
public sealed class ManualDriver : IScenarioDriver
{
    private readonly ManualInstructionCatalogue _catalogue;
    private readonly EvidenceStore _evidence;
    private readonly OperatorTerminal _terminal;
    private readonly ManualDriverOptions _options;
    private readonly ManualTexts _texts;
    private ScenarioDefinition? _scenario;
    private bool _setupShown;

    /// <summary>Creates a manual driver.</summary>
    /// <param name="catalogue">The instructions per action.</param>
    /// <param name="evidence">Where the simulators record (watched for proof) and where answers are recorded.</param>
    /// <param name="input">What the operator types (the console, or a script).</param>
    /// <param name="output">Where instructions are printed.</param>
    /// <param name="options">Language, timeouts, connection facts.</param>
    public ManualDriver(ManualInstructionCatalogue catalogue, EvidenceStore evidence, TextReader input, TextWriter output, ManualDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        _catalogue = catalogue;
        _evidence = evidence;
        _terminal = new OperatorTerminal(input, output);
        _options = options;
        _texts = new ManualTexts(options.Language);
    }

    /// <inheritdoc />
    public string Name => "manual";

    /// <inheritdoc />
    public async Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        if (!_setupShown)
        {
            _setupShown = true;
            await ShowSetupAsync(cancellationToken).ConfigureAwait(false);
        }

        await _terminal.WriteLineAsync(string.Empty).ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.Scenario(scenario, scenario.Steps.Count(step => step.Kind == StepKind.Action))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        var scenario = _scenario ?? throw new InvalidOperationException("StartScenarioAsync was not called.");
        var instruction = _catalogue.Render(step, data, _options.Language);
        var proof = ProofFor(scenario, step);
        var actions = scenario.Steps.Where(candidate => candidate.Kind == StepKind.Action).ToList();
        var start = _evidence.Items.Count;
        var started = _options.Time.GetTimestamp();

        var early = _terminal.TakeEarlyLine();
        if (early is not null)
        {
            await _terminal.WriteLineAsync(_texts.EarlyLineIgnored(early)).ConfigureAwait(false);
            await RecordAnswerAsync(step, "ignored-early", early, early, cancellationToken).ConfigureAwait(false);
        }

        await _terminal.WriteLineAsync(string.Empty).ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.Step(actions.IndexOf(step) + 1, actions.Count, step.Action!, instruction.Title)).ConfigureAwait(false);
        await WriteInstructionAsync(instruction, proof).ConfigureAwait(false);
        await _terminal.WriteLineAsync("   " + _texts.Legend).ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.AnswerPrompt).ConfigureAwait(false);

        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Func<EvidenceItem, bool>? proves = proof is null ? null : item => item.Tags.Scenario == scenario.Id && proof.Matches(item);
            var observed = proves is null ? null : _evidence.WaitForAsync(proves, start, Timeout.InfiniteTimeSpan, watch.Token);

            // Note: the waiter completes a moment after the item is listed; an answer typed in that moment must not pass
            // for unobserved, so the items are looked at again when a line arrives.
            EvidenceItem? Recorded() => proves is null ? null : _evidence.Items.Skip(start).FirstOrDefault(proves);
            return await WaitForOutcomeAsync(step, instruction, proof, observed, Recorded, started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await watch.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken)
    {
        _scenario = null;
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The traffic that proves <paramref name="step"/>: the scenario's expectation right after it (before any other
    /// action), or else the catalogue's default for the verb; <c>null</c> when nothing on the wire shows the action.
    /// </summary>
    public EvidenceExpectation? ProofFor(ScenarioDefinition scenario, ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(step);
        var index = scenario.Steps.ToList().IndexOf(step);
        for (var next = index + 1; index >= 0 && next < scenario.Steps.Count; next++)
        {
            var candidate = scenario.Steps[next];
            if (candidate.Kind == StepKind.Expectation)
            {
                return candidate.Expect;
            }

            if (candidate.Kind == StepKind.Action)
            {
                break;
            }
        }

        return _catalogue.Instructions[step.Action!].Proof;
    }

    private async Task<DriverStepResult> WaitForOutcomeAsync(ScenarioStep step, ManualInstructionText instruction, EvidenceExpectation? proof, Task<EvidenceItem>? observed, Func<EvidenceItem?> alreadyRecorded, long started, CancellationToken cancellationToken)
    {
        var nextReminder = _options.ReminderInterval;
        while (true)
        {
            var waited = _options.Time.GetElapsedTime(started);
            var remaining = _options.AnswerTimeout - waited;
            if (remaining <= TimeSpan.Zero)
            {
                await _terminal.WriteLineAsync(_texts.TimedOut(_options.AnswerTimeout)).ConfigureAwait(false);
                return new DriverStepResult(false, _texts.TimedOutMessage(_options.AnswerTimeout), []);
            }

            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var line = _terminal.NextLine();
            var delay = Task.Delay(Min(remaining, nextReminder - waited), _options.Time, tick.Token);
            var first = observed is null
                ? await Task.WhenAny(line, delay).ConfigureAwait(false)
                : await Task.WhenAny(line, observed, delay).ConfigureAwait(false);
            await tick.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            // Note: the traffic wins a tie with the answer: a DUI answers its user after the simulator recorded the exchange.
            if ((observed is { IsCompletedSuccessfully: true } ? observed.Result : first == line ? alreadyRecorded() : null) is { } proved)
            {
                return await ObservedAsync(step, proof!, proved, cancellationToken).ConfigureAwait(false);
            }

            if (first == delay)
            {
                if (_options.Time.GetElapsedTime(started) >= nextReminder)
                {
                    await _terminal.WriteLineAsync(_texts.Reminder(instruction.Title, _options.Time.GetElapsedTime(started))).ConfigureAwait(false);
                    nextReminder += _options.ReminderInterval;
                }

                continue;
            }

            _terminal.Consume();
            var text = await line.ConfigureAwait(false) ?? throw new HarnessException(HarnessCodes.OperatorInputClosed, $"L'entrée de l'opérateur est fermée pendant l'étape '{step.Id}' ({step.Action}).");
            var answer = OperatorAnswer.Parse(text);
            var recorded = await RecordAnswerAsync(step, answer.WireName, answer.Text, text, cancellationToken).ConfigureAwait(false);
            switch (answer.Kind)
            {
                case OperatorAnswerKind.Done:
                    var message = proof is null ? _texts.AttestedMessage(answer.Text) : _texts.AttestedWithoutProofMessage(ManualTexts.Describe(proof), answer.Text);
                    return new DriverStepResult(true, message, [recorded.Id]);
                case OperatorAnswerKind.Impossible:
                    return await ImpossibleAsync(step, answer, recorded, cancellationToken).ConfigureAwait(false);
                case OperatorAnswerKind.Skip:
                    return new DriverStepResult(false, _texts.SkippedMessage(answer.Text), [recorded.Id]) { Skipped = true };
                case OperatorAnswerKind.Help:
                    await ShowHelpAsync(instruction, proof).ConfigureAwait(false);
                    break;
                default:
                    await _terminal.WriteLineAsync(_texts.NotUnderstood(answer.Text)).ConfigureAwait(false);
                    await _terminal.WriteLineAsync(_texts.AnswerPrompt).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task<DriverStepResult> ObservedAsync(ScenarioStep step, EvidenceExpectation proof, EvidenceItem item, CancellationToken cancellationToken)
    {
        var described = ManualTexts.Describe(proof);
        await _terminal.WriteLineAsync(_texts.Observed(described, item.Id)).ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.ContinuePrompt).ConfigureAwait(false);
        var evidence = new List<string> { item.Id };
        try
        {
            // Note: one line is taken as the acknowledgement (whatever it says, it is recorded), so the person paces the
            // run and a line typed for this step never answers the next one.
            var ack = await _terminal.ReadLineAsync(_options.AnswerTimeout, _options.Time, cancellationToken).ConfigureAwait(false);
            if (ack is not null)
            {
                evidence.Add((await RecordAnswerAsync(step, "acknowledged", ack.Trim(), ack, cancellationToken).ConfigureAwait(false)).Id);
            }
        }
        catch (TimeoutException)
        {
            // Note: the action is proved by the traffic; a person who walked away does not turn it into a failure.
        }

        return new DriverStepResult(true, _texts.ObservedMessage(described, item.Id), evidence);
    }

    private async Task<DriverStepResult> ImpossibleAsync(ScenarioStep step, OperatorAnswer answer, EvidenceItem recorded, CancellationToken cancellationToken)
    {
        var reason = answer.Text;
        var evidence = new List<string> { recorded.Id };
        if (reason.Length == 0)
        {
            await _terminal.WriteLineAsync(_texts.ReasonPrompt).ConfigureAwait(false);
            try
            {
                var line = await _terminal.ReadLineAsync(_options.AnswerTimeout, _options.Time, cancellationToken).ConfigureAwait(false);
                reason = line?.Trim() ?? string.Empty;
                if (line is not null)
                {
                    evidence.Add((await RecordAnswerAsync(step, "reason", reason, line, cancellationToken).ConfigureAwait(false)).Id);
                }
            }
            catch (TimeoutException)
            {
                // Note: the answer « impossible » stands without its reason; the report says none was given.
            }
        }

        return new DriverStepResult(false, _texts.ImpossibleMessage(reason), evidence);
    }

    private async Task ShowSetupAsync(CancellationToken cancellationToken)
    {
        await _terminal.WriteLineAsync(ManualTexts.ScenarioMarker + _texts.SetupTitle + " ═══").ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.SetupIntro).ConfigureAwait(false);
        await WriteFactsAsync().ConfigureAwait(false);
        while (true)
        {
            await _terminal.WriteLineAsync(_texts.ReadyPrompt).ConfigureAwait(false);
            string? line;
            try
            {
                line = await _terminal.ReadLineAsync(_options.AnswerTimeout, _options.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Note: nobody confirmed; the first instruction will wait for them anyway.
                return;
            }

            if (line is null)
            {
                throw new HarnessException(HarnessCodes.OperatorInputClosed, "L'entrée de l'opérateur est fermée avant le premier scénario.");
            }

            await RecordAnswerAsync(null, "ready", line.Trim(), line, cancellationToken).ConfigureAwait(false);

            if (OperatorAnswer.Parse(line).Kind != OperatorAnswerKind.Help)
            {
                return;
            }

            await WriteFactsAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteFactsAsync()
    {
        if (_options.ConnectionFacts.Count == 0)
        {
            await _terminal.WriteLineAsync(_texts.NoFacts).ConfigureAwait(false);
        }

        foreach (var group in _options.ConnectionFacts)
        {
            await _terminal.WriteLineAsync(group.Title).ConfigureAwait(false);
            foreach (var fact in group.Facts)
            {
                await _terminal.WriteLineAsync(ManualTexts.FactMarker + fact.Label + " : " + fact.Value).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteInstructionAsync(ManualInstructionText instruction, EvidenceExpectation? proof)
    {
        for (var i = 0; i < instruction.Steps.Count; i++)
        {
            await _terminal.WriteLineAsync($"   {i + 1}. {instruction.Steps[i]}").ConfigureAwait(false);
        }

        await _terminal.WriteLineAsync(_texts.Observation(instruction.Observation)).ConfigureAwait(false);
        if (proof is not null)
        {
            await _terminal.WriteLineAsync(_texts.ProofAwaited(ManualTexts.Describe(proof))).ConfigureAwait(false);
        }
    }

    private async Task ShowHelpAsync(ManualInstructionText instruction, EvidenceExpectation? proof)
    {
        await _terminal.WriteLineAsync("   " + _texts.HelpTitle).ConfigureAwait(false);
        await _terminal.WriteLineAsync("   " + instruction.Title).ConfigureAwait(false);
        await WriteInstructionAsync(instruction, proof).ConfigureAwait(false);
        foreach (var line in _texts.HelpAnswers)
        {
            await _terminal.WriteLineAsync(line).ConfigureAwait(false);
        }

        await WriteFactsAsync().ConfigureAwait(false);
        await _terminal.WriteLineAsync(_texts.AnswerPrompt).ConfigureAwait(false);
    }

    private Task<EvidenceItem> RecordAnswerAsync(ScenarioStep? step, string answer, string text, string line, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(new
        {
            scenario = _scenario?.Id,
            step = step?.Id,
            action = step?.Action,
            answer,
            text,
            line,
            at = _options.Time.GetUtcNow(),
        });
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["action"] = step?.Action ?? string.Empty, ["answer"] = answer };
        return _evidence.RecordAsync(EvidenceKinds.OperatorAnswer, content, "application/json", properties, cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a < TimeSpan.Zero ? TimeSpan.Zero : a) : (b < TimeSpan.Zero ? TimeSpan.Zero : b);
}

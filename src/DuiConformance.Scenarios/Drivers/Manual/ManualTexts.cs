using System.Globalization;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// What the manual driver prints, in French (default) or English. Lines that wait for the operator start with
/// <see cref="PromptMarker"/>; a question that wants an answer letter ends with <see cref="AnswerTag"/>, one that only
/// wants Enter ends with <see cref="ContinueTag"/>, so a script can answer without understanding the prose.
/// </summary>
public sealed class ManualTexts
{
    /// <summary>Start of every line that waits for the operator.</summary>
    public const string PromptMarker = "> ";

    /// <summary>Start of a step header: <c>── Étape 2/5 · publish-dmp · …</c>.</summary>
    public const string StepMarker = "── ";

    /// <summary>Start of a scenario banner: <c>═══ Scénario dlu-share · …</c>.</summary>
    public const string ScenarioMarker = "═══ ";

    /// <summary>Start of a connection fact line: <c>  · label : value</c>.</summary>
    public const string FactMarker = "  · ";

    private readonly bool _english;

    /// <summary>Texts in <paramref name="language"/> (<c>en</c>, otherwise French).</summary>
    public ManualTexts(string language) => _english = language == "en";

    /// <summary>End of a question that wants an answer letter.</summary>
    public string AnswerTag => _english ? "[y/n/s/?]" : "[o/n/p/?]";

    /// <summary>End of a question that only wants Enter.</summary>
    public string ContinueTag => _english ? "[Enter]" : "[Entrée]";

    /// <summary>Title of the connection facts.</summary>
    public string SetupTitle => T("Avant de commencer : paramétrez votre DUI", "Before starting: configure your DUI");

    /// <summary>What to do with the connection facts.</summary>
    public string SetupIntro => T(
        "Saisissez ces valeurs dans le paramétrage de votre DUI ; elles restent valables pendant tout le passage.",
        "Enter these values in your DUI's settings; they stay valid for the whole run.");

    /// <summary>When there are no connection facts to show.</summary>
    public string NoFacts => T("(aucun point d'accès à paramétrer)", "(no endpoint to configure)");

    /// <summary>The question after the connection facts.</summary>
    public string ReadyPrompt => PromptMarker + T("Appuyez sur Entrée quand votre DUI est paramétré (? pour revoir). ", "Press Enter once your DUI is configured (? to see again). ") + ContinueTag;

    /// <summary>How to answer, printed with every step.</summary>
    public string Legend => T(
        "Répondez : o = fait · n = impossible (suivi de la raison) · p = passer cette étape · ? = aide",
        "Answer: y = done · n = impossible (followed by the reason) · s = skip this step · ? = help");

    /// <summary>The question of an action step.</summary>
    public string AnswerPrompt => PromptMarker + T("Votre réponse ", "Your answer ") + AnswerTag;

    /// <summary>The question asking why an action is impossible.</summary>
    public string ReasonPrompt => PromptMarker + T("Pourquoi est-ce impossible ? (une ligne) ", "Why is it impossible? (one line) ") + ContinueTag;

    /// <summary>The question after an action was observed on the wire.</summary>
    public string ContinuePrompt => PromptMarker + T("Appuyez sur Entrée pour passer à la suite. ", "Press Enter to go on. ") + ContinueTag;

    /// <summary>Header of the help.</summary>
    public string HelpTitle => T("Aide : la consigne de nouveau, puis les réponses possibles.", "Help: the instruction again, then the possible answers.");

    /// <summary>Help on what each answer does.</summary>
    public IReadOnlyList<string> HelpAnswers => _english
        ? ["  y  you did the action in your DUI: the step is attested by you (the report says so when the harness saw nothing).",
           "  n  your DUI cannot do it: add the reason on the same line (n no DMP module); the step fails.",
           "  s  skip: the step is reported as skipped, and so are the next actions of the scenario.",
           "  ?  this help. The harness also moves on by itself when it sees the expected traffic."]
        : ["  o  vous avez fait l'action dans votre DUI : l'étape est attestée par vous (le rapport le dit quand le banc n'a rien vu).",
           "  n  votre DUI ne sait pas le faire : ajoutez la raison sur la même ligne (n pas de module DMP) ; l'étape échoue.",
           "  p  passer : l'étape est notée non exécutée, ainsi que les actions suivantes du scénario.",
           "  ?  cette aide. Le banc passe aussi seul à la suite dès qu'il voit le trafic attendu."];

    /// <summary>Scenario banner.</summary>
    public string Scenario(ScenarioDefinition scenario, int actions) =>
        ScenarioMarker + T("Scénario ", "Scenario ") + scenario.Id + " · " + scenario.Title(_english ? "en" : "fr")
        + string.Create(CultureInfo.InvariantCulture, $" ({actions} ") + (actions == 1 ? T("action à faire)", "action to do)") : T("actions à faire)", "actions to do)")) + " ═══";

    /// <summary>Step header.</summary>
    public string Step(int number, int count, string action, string title) =>
        StepMarker + T("Étape ", "Step ") + string.Create(CultureInfo.InvariantCulture, $"{number}/{count}") + " · " + action + " · " + title;

    /// <summary>What the harness will observe.</summary>
    public string Observation(string text) => "   " + T("Ce que le banc observera : ", "What the harness will observe: ") + text;

    /// <summary>The traffic awaited as proof.</summary>
    public string ProofAwaited(string proof) => "   " + T("Preuve attendue : ", "Awaited proof: ") + proof + T(" (sinon, votre réponse).", " (otherwise, your answer).");

    /// <summary>Traffic proved the action.</summary>
    public string Observed(string proof, string evidenceId) => "   ✓ " + T("Observé par le banc : ", "Observed by the harness: ") + proof + " (" + evidenceId + ").";

    /// <summary>A waiting step's reminder.</summary>
    public string Reminder(string title, TimeSpan waited) =>
        "   … " + T("toujours en attente depuis ", "still waiting for ") + Minutes(waited) + " : " + title + " " + AnswerTag;

    /// <summary>An answer that was not understood.</summary>
    public string NotUnderstood(string line) => "   " + T("Réponse non comprise « ", "Answer not understood \"") + line + T(" » : tapez o, n, p ou ?.", "\": type y, n, s or ?.");

    /// <summary>A line typed before its question was shown.</summary>
    public string EarlyLineIgnored(string line) => "   " + T("Ligne ignorée, tapée avant la question : « ", "Line ignored, typed before the question: \"") + line + T(" ».", "\".");

    /// <summary>The wait of a step ran out.</summary>
    public string TimedOut(TimeSpan waited) => "   ⏱ " + T("Délai dépassé (", "Timed out (") + Minutes(waited) + T(") : l'étape échoue.", "): the step fails.");

    /// <summary>Report message: the action was attested by a person.</summary>
    public string AttestedMessage(string note) => T("attestée par l'opérateur, non observée par le banc", "attested by the operator, not observed by the harness") + Note(note);

    /// <summary>Report message: attested, and the traffic that would prove it was not seen during the step.</summary>
    public string AttestedWithoutProofMessage(string proof, string note) =>
        AttestedMessage(note) + T(" ; trafic attendu non vu pendant l'étape : ", "; awaited traffic not seen during the step: ") + proof;

    /// <summary>Report message: the action was proved by traffic.</summary>
    public string ObservedMessage(string proof, string evidenceId) => T("observée par le banc : ", "observed by the harness: ") + proof + " (" + evidenceId + ")";

    /// <summary>Report message: the operator said the DUI cannot do it.</summary>
    public string ImpossibleMessage(string reason) => T("impossible selon l'opérateur : ", "impossible according to the operator: ") + (reason.Length == 0 ? T("(sans raison)", "(no reason given)") : reason);

    /// <summary>Report message: the operator skipped the step.</summary>
    public string SkippedMessage(string note) => T("passée par l'opérateur", "skipped by the operator") + Note(note);

    /// <summary>Report message: nothing came in time.</summary>
    public string TimedOutMessage(TimeSpan waited) => T("ni trafic observé ni réponse de l'opérateur en ", "neither traffic nor an operator answer within ") + Minutes(waited);

    /// <summary>The proof as one phrase: <c>fhir-request interaction=ITI-65</c>.</summary>
    public static string Describe(EvidenceExpectation proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return proof.Kind + string.Concat(proof.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $" {pair.Key}={pair.Value}"));
    }

    private static string Note(string note) => note.Length == 0 ? string.Empty : " (« " + note + " »)";

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private string T(string french, string english) => _english ? english : french;
}

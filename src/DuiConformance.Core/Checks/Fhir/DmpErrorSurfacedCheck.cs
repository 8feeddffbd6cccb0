using System.Text;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>
/// When the DMP refuses a submission (ITI-65 or ITI-105 answered 4xx/5xx, or a transaction-response entry that is not
/// 2xx), the DUI shows the refusal to its user: what the driver recorded of the DUI's screen right after carries the
/// OperationOutcome's diagnostics, details text or code (PDSM-07, DUI-DMP-13).
/// </summary>
public sealed class DmpErrorSurfacedCheck : ICheck
{
    /// <summary>The interactions that submit documents to the DMP.</summary>
    private static readonly string[] Submissions = [Iti65BundleReader.Interaction, "ITI-105"];

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "dmp.error-surfaced",
        TitleFr: "DMP : un refus du DMP (4xx et OperationOutcome) est montré à l'utilisateur",
        TitleEn: "DMP: a DMP refusal (4xx and OperationOutcome) is shown to the user",
        Verifies: [DmpRequirementIds.Dmp13],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.FhirResponse, EvidenceKinds.UiText],
        Description: """
            Pour chaque soumission au DMP (ITI-65, ITI-105) refusée par le simulateur — réponse HTTP 4xx ou 5xx, ou
            entrée de la transaction-response dont le statut n'est pas 2xx — le premier texte d'interface enregistré
            ensuite par le pilote (texte visible de la page, message du point d'accroche) doit contenir le
            diagnostic de l'OperationOutcome (`issue.diagnostics`), son texte (`issue.details.text`) ou son code
            (`issue.details.coding.code`), espaces et casse ignorés. Sans texte d'interface enregistré (pilote
            manuel), la vérification est sans objet.
            Source : PDSm, réponse transaction-response entrée par entrée et erreurs (domain.md §3.4, §8.4 **PDSM-07**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var order = evidence.Items.Select((item, index) => (item.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var screens = evidence.OfKind(EvidenceKinds.UiText).ToList();
        var findings = new List<Finding>();
        var judged = new List<string>();
        var unseen = 0;
        foreach (var request in evidence.OfKind(EvidenceKinds.FhirRequest)
            .Where(item => Submissions.Contains(item.Property(FhirProperties.Interaction), StringComparer.Ordinal)))
        {
            var response = FhirRequestQuery.ResponseTo(evidence, request);
            if (response is null || Refusal(evidence, response) is not { } refusal)
            {
                continue;
            }

            var screen = screens.FirstOrDefault(item => order[item.Id] > order[response.Id]);
            if (screen is null)
            {
                unseen++;
                continue;
            }

            judged.AddRange([request.Id, response.Id, screen.Id]);
            var shown = Normalize(Encoding.UTF8.GetString(evidence.Content(screen).Span));
            if (!refusal.Signals.Any(signal => shown.Contains(Normalize(signal), StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(PdsmFindings.RefusalNotShown.At(
                    new FindingLocation(screen.Id, null, null),
                    $"Le DMP a refusé la soumission {request.Property(FhirProperties.Interaction)} ({refusal.Summary}) mais le DUI ne montre ni le diagnostic ni le code de l'OperationOutcome après l'action « {screen.Property("action") ?? "?"} »."));
            }
        }

        if (judged.Count == 0)
        {
            return CheckResult.Skip(unseen > 0
                ? "Soumission refusée par le DMP, mais le pilote n'a enregistré aucun texte d'interface à juger (pilote manuel ?)."
                : "Aucune soumission au DMP refusée avec une OperationOutcome.");
        }

        return CheckResult.FromFindings(findings, judged);
    }

    /// <summary>What the user must see of a refusal: the texts and codes of its OperationOutcome(s), and a short summary.</summary>
    private sealed record RefusalSignals(IReadOnlyList<string> Signals, string Summary);

    private static RefusalSignals? Refusal(EvidenceSet evidence, EvidenceItem response)
    {
        var status = response.Property(FhirProperties.Status) ?? string.Empty;
        var resource = Iti65BundleReader.Read(response, evidence.Content(response)).Resource;
        var outcomes = new List<OperationOutcome>();
        if (!status.StartsWith('2'))
        {
            if (resource is OperationOutcome outcome)
            {
                outcomes.Add(outcome);
            }
        }
        else if (resource is Bundle { Type: Bundle.BundleType.TransactionResponse } answer)
        {
            // Note: PDSm — a transaction-response has one entry per request entry, in order; any entry not 2xx is a refusal.
            outcomes.AddRange(answer.Entry
                .Where(entry => entry.Response is { Status: { } entryStatus } && !entryStatus.StartsWith('2'))
                .Select(entry => entry.Response!.Outcome as OperationOutcome)
                .OfType<OperationOutcome>());
        }

        var signals = outcomes.SelectMany(outcome => outcome.Issue)
            .SelectMany(issue => new[] { issue.Diagnostics, issue.Details?.Text }.Concat(issue.Details?.Coding.Select(coding => coding.Code) ?? []))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => text!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (signals.Count == 0)
        {
            return null;
        }

        var codes = outcomes.SelectMany(outcome => outcome.Issue).SelectMany(issue => issue.Details?.Coding ?? []).Select(coding => coding.Code).OfType<string>();
        return new RefusalSignals(signals, $"HTTP {status}, {string.Join(", ", codes.DefaultIfEmpty("sans code"))}");
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

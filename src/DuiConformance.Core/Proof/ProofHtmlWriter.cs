using System.Globalization;
using System.Net;
using System.Text;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Renders a batch verification as one self-contained French HTML page for a GRADeS reviewer: the verdict at a glance,
/// the rejection reasons by frequency, then one line per ESSMS (refused first).
/// </summary>
public static class ProofHtmlWriter
{
    /// <summary>The page.</summary>
    /// <param name="result">The batch's verdicts.</param>
    /// <param name="subject">What was verified (a bundle, a folder or a project CSV), shown in the title.</param>
    /// <param name="verifiedAt">When the verification ran.</param>
    public static string Render(ProofBatchResult result, string subject, DateTimeOffset verifiedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        var accepted = result.AcceptedCount;
        var rejected = result.RejectedCount;
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Vérification des preuves d'installation SONS</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.5rem}")
            .Append(".verdict{font-size:1.3rem;padding:1rem;border-radius:.5rem;margin:1rem 0}.ok{background:#e3f4e6;border:2px solid #18753c}.ko{background:#fde8e8;border:2px solid #ce0500}")
            .Append("table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}")
            .Append("th{background:#f0f0f0}td.refuse{color:#ce0500;font-weight:bold}td.accepte{color:#18753c;font-weight:bold}code{font-size:.85rem}")
            .Append("@media print{.verdict{border-width:1px}}</style></head><body>\n");
        html.Append("<h1>Vérification des preuves d'installation SONS</h1>\n<p>Objet vérifié : <code>").Append(E(subject)).Append("</code> — le ")
            .Append(E(verifiedAt.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(" — ")
            .Append(result.Verdicts.Count.ToString(CultureInfo.InvariantCulture)).Append(" ESSMS en ")
            .Append(result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s.</p>\n");
        html.Append(result.AllAccepted
            ? $"<div class=\"verdict ok\">✔ Tous les lots sont acceptés ({accepted}).</div>\n"
            : $"<div class=\"verdict ko\">✘ {rejected} lot(s) refusé(s) ou manquant(s), {accepted} accepté(s).</div>\n");

        var reasons = result.Verdicts.SelectMany(verdict => verdict.Rejections.Select(rejection => (rejection.Code, rejection.TitleFr)).Distinct())
            .GroupBy(reason => reason)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key.Code, StringComparer.Ordinal)
            .ToList();
        if (reasons.Count > 0)
        {
            html.Append("<h2>Motifs de refus</h2>\n<table><tr><th>Code</th><th>Motif</th><th>ESSMS concernés</th></tr>\n");
            foreach (var group in reasons)
            {
                html.Append("<tr><td><code>").Append(E(group.Key.Code)).Append("</code></td><td>").Append(E(group.Key.TitleFr)).Append("</td><td>")
                    .Append(group.Count().ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Détail par ESSMS</h2>\n<table><tr><th>FINESS</th><th>Statut</th><th>DUI</th><th>Signataire</th><th>Signé le</th><th>Motifs</th></tr>\n");
        foreach (var verdict in result.Verdicts.OrderBy(verdict => verdict.Accepted).ThenBy(verdict => verdict.Finess, StringComparer.Ordinal))
        {
            html.Append("<tr><td><code>").Append(E(verdict.Finess ?? "?")).Append("</code></td>")
                .Append(verdict.Accepted ? "<td class=\"accepte\">accepté</td>" : "<td class=\"refuse\">refusé</td>")
                .Append("<td>").Append(E(verdict.Dui ?? string.Empty)).Append("</td><td>").Append(E(verdict.Signer ?? string.Empty)).Append("</td><td>")
                .Append(E(verdict.SignedAt?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty)).Append("</td><td>");
            foreach (var rejection in verdict.Rejections)
            {
                html.Append("<div><code>").Append(E(rejection.Code)).Append("</code> ").Append(E(rejection.TitleFr)).Append(" : ").Append(E(rejection.Detail)).Append("</div>");
            }

            html.Append("<div><small>").Append(E(verdict.Source)).Append("</small></div></td></tr>\n");
        }

        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

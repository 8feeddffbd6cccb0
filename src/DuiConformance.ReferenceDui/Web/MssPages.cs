using System.Globalization;
using System.Text;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The MSSanté parts of the pages (French, accessible names used by the UI map): the document's visibility restriction,
/// the send to the usager's Mon espace santé mailbox and the receipts; the usager's opposition and received messages;
/// the mailbox page with its "relève" button.
/// </summary>
internal static class MssPages
{
    /// <summary>Label of the visibility restriction select.</summary>
    public const string RestrictionLabel = "Restriction de visibilité";

    /// <summary>Button saving the restriction.</summary>
    public const string RestrictionButton = "Enregistrer la restriction";

    /// <summary>Button sending the document to the usager's Mon espace santé mailbox.</summary>
    public const string PatientSendButton = "Envoyer à l'usager (Mon espace santé)";

    /// <summary>Label of the "block replies" checkbox.</summary>
    public const string BlockRepliesLabel = "Bloquer les réponses de l'usager";

    /// <summary>Button retrieving the mailbox.</summary>
    public const string ReceiveButton = "Relever la messagerie MSSanté";

    /// <summary>Label of the opposition checkbox.</summary>
    public const string OppositionLabel = "Opposition aux envois dans Mon espace santé";

    /// <summary>Button saving the opposition.</summary>
    public const string OppositionButton = "Enregistrer le choix de l'usager";

    /// <summary>The document page's restriction form, patient send form and receipts table.</summary>
    public static string DocumentSection(StoredDocument document, Usager usager, string? restriction, IReadOnlyList<MssReceipt> receipts)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Visibilité du document</h2>
            <form method="post" action="/documents/{document.Id}/restriction">
            <div class="field"><label for="restriction">{E(RestrictionLabel)}</label><select id="restriction" name="restriction">
            {Option("", "Aucune (visible par tous)", restriction)}{Option("INVISIBLE_PATIENT", "Non visible par l'usager (INVISIBLE_PATIENT)", restriction)}{Option("MASQUE_PS", "Masqué aux professionnels de santé (MASQUE_PS)", restriction)}
            </select></div>
            <button type="submit">{E(RestrictionButton)}</button>
            </form>
            <p data-testid="restriction">Restriction actuelle : {E(restriction ?? "aucune")}</p>

            <h2>Messagerie de l'usager (Mon espace santé)</h2>
            <form method="post" action="/documents/{document.Id}/mssante-usager">
            <p>Envoi à la messagerie citoyenne de {E(usager.BirthName)} {E(usager.FirstGivenName)} : adresse formée de son INS, seulement pour une identité qualifiée et sans opposition de sa part.</p>
            <div class="field"><input type="checkbox" id="blockReplies" name="blockReplies" value="on"><label for="blockReplies">{E(BlockRepliesLabel)}</label></div>
            <div class="field"><input type="checkbox" id="patientReadReceipt" name="readReceipt" value="on" checked><label for="patientReadReceipt">Demander un accusé de lecture (envoi à l'usager)</label></div>
            <button type="submit">{E(PatientSendButton)}</button>
            </form>

            """);

        body.Append("<h2>Accusés de lecture et de remise</h2>\n");
        if (receipts.Count == 0)
        {
            body.Append("<p>Aucun accusé reçu pour ce document. Relevez la messagerie pour les recevoir.</p>\n");
            return body.ToString();
        }

        body.Append("<table>\n<caption>Accusés reçus</caption>\n<thead><tr><th scope=\"col\">Destinataire</th><th scope=\"col\">Accusé</th>"
            + "<th scope=\"col\">État</th><th scope=\"col\">Reçu le</th></tr></thead>\n<tbody>\n");
        foreach (var receipt in receipts)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr data-testid=\"receipt\"><td>{E(receipt.Recipient)}</td><td>{E("Accusé de " + receipt.Kind)}</td><td>{E(receipt.Status)}</td>"
                + $"<td>{E(UsagerPages.PageTime(receipt.At))}</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
        body.Append(string.Concat(receipts.Select(r => $"<p>Accusé de {E(r.Kind)} : {E(r.Status)}</p>\n")));
        return body.ToString();
    }

    /// <summary>The usager page's opposition form and received messages.</summary>
    public static string UsagerSection(Usager usager, bool opposed, IReadOnlyList<ReceivedMessage> received)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Messagerie citoyenne (Mon espace santé)</h2>
            <form method="post" action="/usagers/{usager.Id}/opposition-mss">
            <div class="field"><input type="checkbox" id="opposition" name="opposition" value="on"{(opposed ? " checked" : "")}><label for="opposition">{E(OppositionLabel)}</label></div>
            <button type="submit">{E(OppositionButton)}</button>
            </form>
            <p data-testid="opposition">{(opposed ? "L'usager s'oppose aux envois dans sa messagerie Mon espace santé." : "Aucune opposition enregistrée.")}</p>

            """);
        body.Append("<h2>Messages reçus (MSSanté)</h2>\n");
        body.Append(ReceivedTable(received, "Messages reçus classés dans le dossier"));
        return body.ToString();
    }

    /// <summary>The mailbox page: the retrieval button and the messages no usager matched.</summary>
    public static string Mailbox(IReadOnlyList<ReceivedMessage> unfiled, string? messageHtml)
    {
        var body = new StringBuilder();
        if (messageHtml is not null)
        {
            body.Append(messageHtml).Append('\n');
        }

        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/mssante/releve\"><button type=\"submit\">{E(ReceiveButton)}</button></form>\n");
        body.Append("<h2>Messages non classés</h2>\n");
        body.Append(ReceivedTable(unfiled, "Messages reçus sans usager correspondant"));
        return body.ToString();
    }

    private static string ReceivedTable(IReadOnlyList<ReceivedMessage> messages, string caption)
    {
        if (messages.Count == 0)
        {
            return "<p>Aucun message.</p>\n";
        }

        var body = new StringBuilder();
        body.Append("<table>\n<caption>").Append(E(caption)).Append("</caption>\n<thead><tr><th scope=\"col\">Reçu le</th><th scope=\"col\">Expéditeur</th>"
            + "<th scope=\"col\">Objet</th><th scope=\"col\">Document</th><th scope=\"col\">Rattachement</th></tr></thead>\n<tbody>\n");
        foreach (var m in messages)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr data-testid=\"received-message\"><td>{E(UsagerPages.PageTime(m.ReceivedAt))}</td><td>{E(m.SenderLabel)}</td><td>{E(m.Subject)}</td>"
                + $"<td>{E(m.CdaTitle ?? "aucun")}</td><td>{E(m.MatchedBy)}</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
        return body.ToString();
    }

    private static string Option(string value, string label, string? selected) =>
        $"<option value=\"{E(value)}\"{(string.Equals(value, selected ?? string.Empty, StringComparison.Ordinal) ? " selected" : "")}>{E(label)}</option>";
}

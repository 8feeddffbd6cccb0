using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>The document page: what the document is, and the two ways to share it (DMP, MSSanté) with their history.</summary>
internal static class DocumentPages
{
    /// <summary>Name of the button that publishes the document to the DMP.</summary>
    public const string PublishButton = "Publier au DMP";

    /// <summary>The button of the ITI-105 simplified publication (PDSM-08).</summary>
    public const string PublishSimplifiedButton = "Publier au DMP (publication simplifiée)";

    /// <summary>Label of the recipient input.</summary>
    public const string RecipientLabel = "Destinataire MSSanté";

    /// <summary>Label of the read receipt checkbox (checked by default).</summary>
    public const string ReadReceiptLabel = "Demander un accusé de lecture";

    /// <summary>Name of the button that sends the document over MSSanté.</summary>
    public const string SendButton = "Envoyer par MSSanté";

    /// <summary>The page of <paramref name="document"/>; <paramref name="messageHtml"/> is an already-rendered status or alert.</summary>
    public static string Page(StoredDocument document, Usager usager, IReadOnlyList<DocumentEvent> events, string? messageHtml, string recipient, string mssHtml = "")
    {
        var body = new StringBuilder();
        if (messageHtml is not null)
        {
            body.Append(messageHtml).Append('\n');
        }

        body.Append("<dl>\n");
        Item(body, "Document", $"n° {document.Id.ToString(CultureInfo.InvariantCulture)}");
        body.Append(CultureInfo.InvariantCulture,
            $"<dt>Usager</dt><dd><a href=\"/usagers/{usager.Id}\">{E(usager.BirthName)} {E(usager.BirthGivenNames)}</a></dd>\n");
        Item(body, "Titre", document.Title);
        Item(body, "Type", $"{document.CodeDisplayName} (LOINC {document.Code})");
        Item(body, "Identifiant du document", document.DocumentOid);
        Item(body, "Identifiant de lot de versions (setId)", document.SetIdOid);
        Item(body, "Version", document.Version.ToString(CultureInfo.InvariantCulture));
        Item(body, "Créé le", UsagerPages.PageTime(document.EffectiveTime));
        Item(body, "Taille", $"{document.CdaBytes.Length.ToString(CultureInfo.InvariantCulture)} octets");
        Item(body, "Empreinte SHA-1", Convert.ToHexStringLower(SHA1.HashData(document.CdaBytes)));
        body.Append("</dl>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/documents/{document.Id}/cda.xml\">Télécharger le document CDA</a></p>\n");

        body.Append("<h2>Dossier médical partagé (DMP)</h2>\n");
        body.Append(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"/documents/{document.Id}/dmp\"><button type=\"submit\">{E(PublishButton)}</button></form>\n");
        body.Append(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"/documents/{document.Id}/dmp-simplifie\"><button type=\"submit\">{E(PublishSimplifiedButton)}</button></form>\n");
        body.Append(DmpPages.DocumentActions(document));

        body.Append("<h2>Messagerie sécurisée de santé (MSSanté)</h2>\n");
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/documents/{document.Id}/mssante" novalidate>
            <div class="field"><label for="recipient">{E(RecipientLabel)}</label><input type="email" id="recipient" name="recipient" value="{E(recipient)}" autocomplete="off" required aria-describedby="recipient-hint"><p class="hint" id="recipient-hint">Adresse MSSanté du destinataire, par exemple prenom.nom@medecin.mssante.fr.</p></div>
            <div class="field"><input type="checkbox" id="readReceipt" name="readReceipt" value="on" checked><label for="readReceipt">{E(ReadReceiptLabel)}</label></div>
            <button type="submit">{E(SendButton)}</button>
            </form>

            """);
        body.Append(mssHtml);

        body.Append("<h2>Historique des partages</h2>\n");
        if (events.Count == 0)
        {
            body.Append("<p>Ce document n'a pas encore été partagé.</p>\n");
        }
        else
        {
            body.Append("<table>\n<caption>Partages du document</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Canal</th>"
                + "<th scope=\"col\">Résultat</th><th scope=\"col\">Détail</th></tr></thead>\n<tbody>\n");
            foreach (var e in events)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(UsagerPages.PageTime(e.At))}</td><td>{E(e.Channel)}</td><td>{(e.Succeeded ? "Réussi" : "Échec")}</td><td>{E(e.Detail)}</td></tr>\n");
            }

            body.Append("</tbody>\n</table>\n");
        }

        return body.ToString();
    }

    private static void Item(StringBuilder body, string term, string value) =>
        body.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{E(value)}</dd>\n");
}

using System.Globalization;
using System.Text;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The DMP parts of the pages beyond publication: search and retrieval on the usager's page, new version and masking
/// on the document page. Button names and messages are the ones the UI map uses.
/// </summary>
internal static class DmpPages
{
    /// <summary>Name of the button that searches the usager's documents in the DMP.</summary>
    public const string SearchButton = "Rechercher dans le DMP";

    /// <summary>Heading of the search result (shown after every search, found or not).</summary>
    public const string SearchResultHeading = "Résultat de la recherche dans le DMP";

    /// <summary>Name of the button that publishes a new version replacing the published one.</summary>
    public const string ReplaceButton = "Publier une nouvelle version au DMP";

    /// <summary>Start of the message after a new version was (or was not) published.</summary>
    public const string ReplacedMessage = "Nouvelle version du document publiée au DMP";

    /// <summary>Name of the button that hides the document from health professionals (MASQUE_PS).</summary>
    public const string MaskProfessionalsButton = "Masquer aux professionnels de santé";

    /// <summary>Name of the button that hides the document from the patient (INVISIBLE_PATIENT).</summary>
    public const string MaskPatientButton = "Masquer au patient";

    /// <summary>The search form of the usager's page.</summary>
    public static string SearchForm(Usager usager) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"/usagers/{usager.Id}/dmp/recherche\"><button type=\"submit\">{E(SearchButton)}</button></form>\n");

    /// <summary>The result of a search: a table of the documents found and retrieved, or the error.</summary>
    public static string SearchResult(DmpDocumentSearch.Result result)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"dmp-result\"><h2 id=\"dmp-result\">{E(SearchResultHeading)}</h2>\n");
        if (result.Error is not null)
        {
            body.Append(Alert($"<p>{E(result.Error)}</p>"));
        }
        else if (result.Documents.Count == 0)
        {
            body.Append("<p>Aucun document courant de cet usager dans le DMP.</p>\n");
        }
        else
        {
            body.Append("<table>\n<caption>Documents de l'usager dans le DMP</caption>\n<thead><tr><th scope=\"col\">Titre</th><th scope=\"col\">Date</th>"
                + "<th scope=\"col\">Statut</th><th scope=\"col\">Identifiant</th><th scope=\"col\">Visibilité</th><th scope=\"col\">Contenu</th></tr></thead>\n<tbody>\n");
            foreach (var found in result.Documents)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<tr data-testid=\"dmp-document\"><td>{E(found.Title)}</td><td>{E(found.Date)}</td><td>{E(found.Status)}</td><td>{E(found.Identifier)}</td>"
                    + $"<td>{E(found.Visibility.Length == 0 ? "normale" : found.Visibility)}</td><td>{E(found.Retrieval)}</td></tr>\n");
            }

            body.Append("</tbody>\n</table>\n");
        }

        body.Append("</section>\n");
        return body.ToString();
    }

    /// <summary>The new-version and masking forms of the document page.</summary>
    public static string DocumentActions(StoredDocument document) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/documents/{document.Id}/nouvelle-version"><button type="submit">{E(ReplaceButton)}</button></form>
            <form method="post" action="/documents/{document.Id}/visibilite"><fieldset><legend>Masquage dans le DMP</legend>
            <button type="submit" name="niveau" value="MASQUE_PS">{E(MaskProfessionalsButton)}</button>
            <button type="submit" name="niveau" value="INVISIBLE_PATIENT">{E(MaskPatientButton)}</button>
            </fieldset></form>

            """);
}

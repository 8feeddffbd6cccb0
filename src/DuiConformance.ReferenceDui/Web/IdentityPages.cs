using System.Globalization;
using System.Text;
using DuiConformance.ReferenceDui.Identity;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The identity-vigilance block of a usager's record: the alert when one is raised, and the INSi look-up, INSi
/// verification and document-check buttons whose names the UI map (profiles/suts/reference-dui/ui-map.yaml) uses.
/// </summary>
internal static class IdentityPages
{
    /// <summary>Name of the button that looks up the INS with INSi.</summary>
    public const string SearchButton = "Rechercher l'INS (INSi)";

    /// <summary>Name of the button that verifies a stored INS with INSi.</summary>
    public const string VerifyButton = "Vérifier l'INS (INSi)";

    /// <summary>Name of the button that records a high-trust identity document check.</summary>
    public const string DocumentCheckButton = "Valider l'identité (pièce d'identité)";

    /// <summary>The block shown under the identity of a usager.</summary>
    public static string Section(Usager u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var body = new StringBuilder();
        body.Append("<h2>Identitovigilance</h2>\n");
        if (u.IdentityAlert is not null)
        {
            body.Append(Alert($"<p data-testid=\"identity-alert\">{E(u.IdentityAlert)}</p>"));
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>Pièce d'identité à haut niveau de confiance contrôlée : {(u.DocumentChecked ? "oui" : "non")}.</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/usagers/{u.Id}/insi/recherche\"><button type=\"submit\">{E(SearchButton)}</button></form>\n");
        if (u.Ins is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/usagers/{u.Id}/insi/verification\"><button type=\"submit\">{E(VerifyButton)}</button></form>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/usagers/{u.Id}/identite/validation\"><button type=\"submit\">{E(DocumentCheckButton)}</button></form>\n");
        return body.ToString();
    }

    /// <summary>The message of an identity action, on top of the record.</summary>
    public static string Message(string text, bool isAlert) =>
        isAlert ? Alert($"<p data-testid=\"identity-message\">{E(text)}</p>") : Status($"<span data-testid=\"identity-message\">{E(text)}</span>");
}

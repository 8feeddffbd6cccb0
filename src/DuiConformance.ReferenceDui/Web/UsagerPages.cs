using System.Globalization;
using System.Text;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using static DuiConformance.ReferenceDui.Web.Html;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// The usager pages: the list, the "Nouvel usager" form and the usager's record. Every input has a
/// <c>label for</c>; the labels and button names are the ones the UI map (profiles/suts/reference-dui/ui-map.yaml) uses.
/// </summary>
internal static class UsagerPages
{
    /// <summary>Label of the birth name input.</summary>
    public const string BirthNameLabel = "Nom de naissance";

    /// <summary>Name of the button that records a new usager.</summary>
    public const string SaveButton = "Enregistrer l'usager";

    /// <summary>Status message after a usager was recorded.</summary>
    public const string SavedMessage = "Usager enregistré";

    /// <summary>Name of the button that builds a DLU.</summary>
    public const string GenerateDluButton = "Générer le DLU";

    /// <summary>Status message after a DLU was built.</summary>
    public const string DluGeneratedMessage = "DLU généré";

    /// <summary>The list of usagers.</summary>
    public static string List(IReadOnlyList<Usager> usagers)
    {
        var body = new StringBuilder();
        body.Append("<p><a href=\"/usagers/nouveau\">Enregistrer un nouvel usager</a> · <a href=\"/usagers/reprise\">Reprendre un dossier existant</a></p>\n");
        if (usagers.Count == 0)
        {
            body.Append("<p>La liste des usagers est vide.</p>\n");
            return body.ToString();
        }

        body.Append("<table>\n<caption>Usagers enregistrés</caption>\n<thead><tr><th scope=\"col\">N°</th><th scope=\"col\">Nom de naissance</th>"
            + "<th scope=\"col\">Prénoms</th><th scope=\"col\">Date de naissance</th><th scope=\"col\">Statut de l'identité</th></tr></thead>\n<tbody>\n");
        foreach (var u in usagers)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"/usagers/{u.Id}\">{u.Id}</a></td><td>{E(u.BirthName)}</td><td>{E(u.BirthGivenNames)}</td>"
                + $"<td>{u.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}</td><td>{E(IdentityStatusCodes.Label(u.Status))}</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
        return body.ToString();
    }

    /// <summary>
    /// The "Nouvel usager" form (PROV or VALI, no INS: domain.md §2.1), or with <paramref name="reprise"/> the form that
    /// takes over an existing record whose INS an earlier software retrieved from INSi (RECUP with its matricule).
    /// </summary>
    public static string Form(UsagerInput input, IReadOnlyDictionary<string, string> errors, bool reprise = false)
    {
        var body = new StringBuilder();
        if (errors.Count > 0)
        {
            body.Append(Alert("<p>L'usager n'a pas été enregistré. Corrigez les erreurs suivantes :</p><ul>"
                + string.Concat(errors.Select(e => $"<li><a href=\"#{e.Key}\">{E(e.Value)}</a></li>")) + "</ul>"));
        }

        body.Append(reprise ? "<form method=\"post\" action=\"/usagers/reprise\" novalidate>\n" : "<form method=\"post\" action=\"/usagers/nouveau\" novalidate>\n");
        body.Append("<fieldset><legend>Identité de l'usager (traits INS)</legend>\n");
        body.Append(TextField("birthName", BirthNameLabel, input.BirthName, errors, required: true));
        body.Append(TextField("usedName", "Nom d'usage", input.UsedName, errors, hint: "Facultatif."));
        body.Append(TextField("birthGivenNames", "Prénoms de naissance", input.BirthGivenNames, errors, required: true,
            hint: "Tous les prénoms de l'acte de naissance, séparés par des espaces."));
        body.Append(Select("sex", "Sexe", input.Sex, errors, [("F", "Féminin"), ("M", "Masculin")]));
        body.Append(TextField("birthDate", "Date de naissance", input.BirthDate, errors, required: true, type: "date", hint: "Format AAAA-MM-JJ."));
        body.Append(TextField("birthPlace", "Code INSEE du lieu de naissance", input.BirthPlace, errors, required: true,
            hint: "5 caractères, par exemple 69123 ou 2A004 ; 99 suivi du code pays pour une naissance à l'étranger."));
        if (reprise)
        {
            body.Append(TextField("ins", "Matricule INS", input.Ins, errors,
                hint: "15 caractères (13 caractères et une clé de 2 chiffres), tels que le téléservice INSi les a renvoyés à l'ancien logiciel."));
            body.Append(Select("identityStatus", "Statut de l'identité", input.IdentityStatus, errors,
                [(IdentityStatusCodes.Code(IdentityStatus.Recuperee), IdentityStatusCodes.Label(IdentityStatus.Recuperee))]));
        }
        else
        {
            // Note: RNIV, a new identity is PROV or VALI and the INS is never typed (domain.md §2.1).
            body.Append(Select("identityStatus", "Statut de l'identité", input.IdentityStatus, errors,
                [.. new[] { IdentityStatus.Provisoire, IdentityStatus.Validee }.Select(s => (IdentityStatusCodes.Code(s), IdentityStatusCodes.Label(s)))]));
            body.Append("<p class=\"hint\">Le matricule INS ne se saisit pas : il est enregistré depuis la fiche de l'usager, par une recherche au téléservice INSi.</p>\n");
        }

        body.Append("</fieldset>\n");

        body.Append("<fieldset><legend>Dossier de liaison d'urgence</legend>\n");
        body.Append(TextField("medecinTraitant", "Médecin traitant", input.MedecinTraitant, errors, hint: "Nom du médecin traitant."));
        body.Append(TextArea("traitements", "Traitements en cours", input.Traitements, errors, "Un traitement par ligne."));
        body.Append(TextArea("directives", "Directives anticipées", input.Directives, errors, "Laisser vide s'il n'y en a pas."));
        body.Append(TextArea("allergies", "Allergies", input.Allergies, errors, "Une allergie par ligne."));
        body.Append(TextField("preferredFacility", "Établissement de santé de préférence", input.PreferredFacility, errors, hint: "Facultatif."));
        body.Append(Check("canCommunicate", "Capable de communiquer", input.CanCommunicate));
        body.Append(Check("oriented", "Bien orienté(e)", input.Oriented));
        body.Append(Check("falls", "Antécédents de chutes", input.Falls));
        body.Append(Check("bmrCarrier", "Porteur d'une bactérie multirésistante (BMR)", input.BmrCarrier));
        body.Append("</fieldset>\n");
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(SaveButton)}</button>\n</form>\n");
        return body.ToString();
    }

    /// <summary>The usager's record, with the optional status message and the documents built for them.</summary>
    public static string Record(Usager u, IReadOnlyList<StoredDocument> documents, bool justSaved, long? generatedDocumentId)
    {
        var body = new StringBuilder();
        if (justSaved)
        {
            body.Append(Status(E(SavedMessage)));
        }

        if (generatedDocumentId is { } docId)
        {
            body.Append(Status(string.Create(CultureInfo.InvariantCulture,
                $"{E(DluGeneratedMessage)} : document n° <span data-testid=\"document-id\">{docId}</span>. <a href=\"/documents/{docId}\">Ouvrir le document</a>")));
        }

        body.Append("<h2>Identité</h2>\n<dl>\n");
        Item(body, "Identifiant de l'usager", $"<span data-testid=\"usager-id\">{u.Id.ToString(CultureInfo.InvariantCulture)}</span>", encoded: true);
        Item(body, "Nom de naissance", u.BirthName);
        Item(body, "Nom d'usage", u.UsedName ?? "—");
        Item(body, "Prénoms de naissance", u.BirthGivenNames);
        Item(body, "Sexe", u.Sex == "F" ? "Féminin" : "Masculin");
        Item(body, "Date de naissance", u.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Item(body, "Lieu de naissance (code INSEE)", u.BirthPlace);
        Item(body, "Statut de l'identité", IdentityStatusCodes.Label(u.Status));
        Item(body, "Matricule INS", u.Ins is null
            ? "—"
            : u.HasQualifiedIns ? u.Ins + " (transmis dans les échanges)" : u.Ins + " (non transmis : identité non qualifiée)");
        body.Append("</dl>\n");
        body.Append(IdentityPages.Section(u));

        body.Append("<h2>Dossier de liaison d'urgence</h2>\n<dl>\n");
        Item(body, "Médecin traitant", u.MedecinTraitant ?? "—");
        Item(body, "Traitements en cours", u.Traitements ?? "—");
        Item(body, "Directives anticipées", u.Directives ?? "—");
        Item(body, "Allergies", u.Allergies ?? "—");
        Item(body, "Établissement de santé de préférence", u.PreferredFacility ?? "—");
        Item(body, "Observations", string.Join(", ",
            (u.CanCommunicate ? "capable de communiquer" : "ne communique pas"),
            (u.Oriented ? "bien orienté(e)" : "désorienté(e) ou non évalué"),
            (u.Falls ? "antécédents de chutes" : "pas de chute connue"),
            (u.BmrCarrier ? "porteur de BMR" : "pas de BMR connue")));
        body.Append("</dl>\n");

        body.Append(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"/usagers/{u.Id}/dlu\"><button type=\"submit\">{E(GenerateDluButton)}</button></form>\n");

        body.Append(DmpPages.SearchForm(u));
        body.Append("<h2>Documents</h2>\n");
        if (documents.Count == 0)
        {
            body.Append("<p>Aucun document.</p>\n");
        }
        else
        {
            body.Append("<table>\n<caption>Documents de l'usager</caption>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Titre</th>"
                + "<th scope=\"col\">Créé le</th><th scope=\"col\">Version</th></tr></thead>\n<tbody>\n");
            foreach (var d in documents)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<tr data-testid=\"document-row\"><td><a href=\"/documents/{d.Id}\">Document n° {d.Id}</a></td><td>{E(d.Title)}</td>"
                    + $"<td>{E(PageTime(d.EffectiveTime))}</td><td>{d.Version}</td></tr>\n");
            }

            body.Append("</tbody>\n</table>\n");
        }

        return body.ToString();
    }

    /// <summary>A time shown to French users (Paris time when the system knows it).</summary>
    public static string PageTime(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris) ? paris : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static void Item(StringBuilder body, string term, string value, bool encoded = false) =>
        body.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{(encoded ? value : E(value))}</dd>\n");

    private static string TextField(string id, string label, string value, IReadOnlyDictionary<string, string> errors,
        bool required = false, string type = "text", string? hint = null)
    {
        var (describedBy, invalid, messages) = Describe(id, errors, hint);
        return $"<div class=\"field\"><label for=\"{id}\">{E(label)}</label>"
            + $"<input type=\"{type}\" id=\"{id}\" name=\"{id}\" value=\"{E(value)}\" autocomplete=\"off\"{(required ? " required" : "")}{invalid}{describedBy}>"
            + messages + "</div>\n";
    }

    private static string TextArea(string id, string label, string value, IReadOnlyDictionary<string, string> errors, string hint)
    {
        var (describedBy, invalid, messages) = Describe(id, errors, hint);
        return $"<div class=\"field\"><label for=\"{id}\">{E(label)}</label>"
            + $"<textarea id=\"{id}\" name=\"{id}\" rows=\"3\"{invalid}{describedBy}>{E(value)}</textarea>" + messages + "</div>\n";
    }

    private static string Select(string id, string label, string value, IReadOnlyDictionary<string, string> errors, IReadOnlyList<(string Value, string Text)> options)
    {
        var (describedBy, invalid, messages) = Describe(id, errors, null);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{id}\">{E(label)}</label><select id=\"{id}\" name=\"{id}\" required{invalid}{describedBy}>");
        html.Append("<option value=\"\">— Choisir —</option>");
        foreach (var (optionValue, text) in options)
        {
            var selected = string.Equals(optionValue, value, StringComparison.Ordinal) ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(optionValue)}\"{selected}>{E(text)}</option>");
        }

        html.Append("</select>").Append(messages).Append("</div>\n");
        return html.ToString();
    }

    private static string Check(string id, string label, bool isChecked) =>
        $"<div class=\"field check\"><input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"on\"{(isChecked ? " checked" : "")}> <label for=\"{id}\">{E(label)}</label></div>\n";

    private static (string DescribedBy, string Invalid, string Messages) Describe(string id, IReadOnlyDictionary<string, string> errors, string? hint)
    {
        var ids = new List<string>();
        var messages = new StringBuilder();
        if (hint is not null)
        {
            ids.Add(id + "-hint");
            messages.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{E(hint)}</p>");
        }

        var invalid = "";
        if (errors.TryGetValue(id, out var error))
        {
            ids.Add(id + "-error");
            invalid = " aria-invalid=\"true\"";
            messages.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{id}-error\">{E(error)}</p>");
        }

        var describedBy = ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
        return (describedBy, invalid, messages.ToString());
    }
}

using System.Globalization;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The sentences of the report's action sections (what to fix first, the requirement × rule matrix, the funding
/// estimate, the language switch), in French and English; <see cref="ReportTexts"/> holds the rest.
/// </summary>
internal sealed class ActionTexts
{
    private static readonly CultureInfo FrenchCulture = CultureInfo.GetCultureInfo("fr-FR");

    public static ActionTexts French { get; } = new()
    {
        SwitchLabel = "English",
        SwitchTitle = "Show this report in English",
        FixFirstHeading = "À corriger en premier",
        FixFirstIntro = "Les exigences qui retiennent le plus de financements, dans l'ordre où les corriger.",
        FixFirstNone = "Rien à corriger : aucune exigence ne retient de financement.",
        HoldsBack = count => $"retient {count} {(count > 1 ? "financements" : "financement")}",
        FixFirstChart = "Nombre de financements retenus par exigence",
        MatrixHeading = "Exigences × financements",
        MatrixCaption = "Chaque colonne est un financement de la campagne ; une case pleine indique que le financement exige l'exigence, avec son résultat.",
        MatrixRequired = "exigée",
        MatrixNotRequired = "non exigée",
        FundingHeading = "Estimation des financements",
        FundingNoOrganisation = "Donnez le fichier des ESSMS du projet (option --organisation, YAML ou CSV) pour estimer les financements par ESSMS et par projet, et évaluer la recevabilité du groupement.",
        FundingIntro = (name, count, route) => $"{name} : {count} ESSMS, {Route(route)}.",
        OwnerTotal = "Maîtrise d'ouvrage",
        AtStart = "au démarrage",
        OnTargets = "sur preuve des cibles d'usage",
        EditorTotal = "Éditeur (plafonds)",
        AtRisk = "À risque",
        AtRiskExplain = "montants bloqués ou à risque : règle non satisfaite, ou second versement suspendu à une cible d'usage non atteinte",
        PerEssmsCaption = "Estimation par ESSMS (FINESS)",
        ColumnFiness = "FINESS",
        ColumnEssms = "ESSMS",
        ColumnSector = "Secteur",
        ColumnChoice = "Choix",
        ColumnOwner = "Maîtrise d'ouvrage",
        ColumnEditor = "Éditeur",
        ColumnAtRisk = "À risque",
        LinesSummary = count => $"Détail des {count} montants, avec la règle, les paramètres et la source de chacun",
        ColumnRule = "Règle",
        ColumnAmount = "Montant",
        ColumnStatus = "Statut",
        ColumnFormula = "Calcul",
        ColumnSource = "Source",
        ProjectLevel = "projet",
        NotesLabel = "Constats sur le projet",
        VerificationLabel = "Vérification",
        Verification = wire => wire switch
        {
            "manual" => "attestation manuelle",
            "not-tested" => "pas encore testée",
            _ => "automatique",
        },
        NotTestedHeading = count => $"{count} exigences hors contrôles automatiques",
        NotTestedIntro = "Ces exigences sont au catalogue mais aucun contrôle du banc ne les prouve encore : une personne doit les attester, ou un contrôle viendra. Elles ne comptent pas dans la réponse « Prêt ? ».",
        MergedFrom = count => $"Rapport fusionné à partir de {count} fragments.",
        AtRiskHeadline = (atRisk, total) => $"{atRisk} à risque sur {total} estimés pour ce projet.",
        ParametersSummary = count => $"Les {count} paramètres datés de la campagne utilisés, avec leur source",
        ColumnParameter = "Paramètre",
        ColumnValue = "Valeur",
    };

    public static ActionTexts English { get; } = new()
    {
        SwitchLabel = "Français",
        SwitchTitle = "Afficher ce rapport en français",
        FixFirstHeading = "Fix first",
        FixFirstIntro = "The requirements that hold back the most funding, in the order to fix them.",
        FixFirstNone = "Nothing to fix: no requirement holds back any funding.",
        HoldsBack = count => $"holds back {count} {(count > 1 ? "fundings" : "funding")}",
        FixFirstChart = "Number of fundings held back per requirement",
        MatrixHeading = "Requirements × fundings",
        MatrixCaption = "Each column is a funding of the campaign; a filled cell means the funding needs the requirement, with its outcome.",
        MatrixRequired = "required",
        MatrixNotRequired = "not required",
        FundingHeading = "Funding estimate",
        FundingNoOrganisation = "Give the project's ESSMS file (option --organisation, YAML or CSV) to estimate the funding per ESSMS and per project and to judge the group's admissibility.",
        FundingIntro = (name, count, route) => $"{name}: {count} ESSMS, {RouteEn(route)}.",
        OwnerTotal = "Project owner",
        AtStart = "at start",
        OnTargets = "on proof of the usage targets",
        EditorTotal = "Editor (ceilings)",
        AtRisk = "At risk",
        AtRiskExplain = "amounts blocked or at risk: rule not met, or second payment waiting on a usage target not reached",
        PerEssmsCaption = "Estimate per ESSMS (FINESS)",
        ColumnFiness = "FINESS",
        ColumnEssms = "ESSMS",
        ColumnSector = "Sector",
        ColumnChoice = "Choice",
        ColumnOwner = "Project owner",
        ColumnEditor = "Editor",
        ColumnAtRisk = "At risk",
        LinesSummary = count => $"All {count} amounts, with the rule, parameters and source of each",
        ColumnRule = "Rule",
        ColumnAmount = "Amount",
        ColumnStatus = "Status",
        ColumnFormula = "Arithmetic",
        ColumnSource = "Source",
        ProjectLevel = "project",
        NotesLabel = "Findings on the project",
        VerificationLabel = "Verification",
        Verification = wire => wire switch
        {
            "manual" => "manual attestation",
            "not-tested" => "not tested yet",
            _ => "automated",
        },
        NotTestedHeading = count => $"{count} requirements outside the automated checks",
        NotTestedIntro = "These requirements are in the catalogue but no check of the harness proves them yet: a person must attest them, or a check will come. They do not count in the \"Ready?\" answer.",
        MergedFrom = count => $"Report merged from {count} shards.",
        AtRiskHeadline = (atRisk, total) => $"{atRisk} at risk out of {total} estimated for this project.",
        ParametersSummary = count => $"The {count} dated parameters of the campaign used, with their source",
        ColumnParameter = "Parameter",
        ColumnValue = "Value",
    };

    public required string SwitchLabel { get; init; }
    public required string SwitchTitle { get; init; }
    public required string FixFirstHeading { get; init; }
    public required string FixFirstIntro { get; init; }
    public required string FixFirstNone { get; init; }
    public required Func<int, string> HoldsBack { get; init; }
    public required string FixFirstChart { get; init; }
    public required string MatrixHeading { get; init; }
    public required string MatrixCaption { get; init; }
    public required string MatrixRequired { get; init; }
    public required string MatrixNotRequired { get; init; }
    public required string FundingHeading { get; init; }
    public required string FundingNoOrganisation { get; init; }
    public required Func<string, int, string, string> FundingIntro { get; init; }
    public required string OwnerTotal { get; init; }
    public required string AtStart { get; init; }
    public required string OnTargets { get; init; }
    public required string EditorTotal { get; init; }
    public required string AtRisk { get; init; }
    public required string AtRiskExplain { get; init; }
    public required string PerEssmsCaption { get; init; }
    public required string ColumnFiness { get; init; }
    public required string ColumnEssms { get; init; }
    public required string ColumnSector { get; init; }
    public required string ColumnChoice { get; init; }
    public required string ColumnOwner { get; init; }
    public required string ColumnEditor { get; init; }
    public required string ColumnAtRisk { get; init; }
    public required Func<int, string> LinesSummary { get; init; }
    public required string ColumnRule { get; init; }
    public required string ColumnAmount { get; init; }
    public required string ColumnStatus { get; init; }
    public required string ColumnFormula { get; init; }
    public required string ColumnSource { get; init; }
    public required string ProjectLevel { get; init; }
    public required string NotesLabel { get; init; }
    public required string VerificationLabel { get; init; }
    public required Func<string, string> Verification { get; init; }
    public required Func<int, string> NotTestedHeading { get; init; }
    public required string NotTestedIntro { get; init; }
    public required Func<int, string> MergedFrom { get; init; }
    public required Func<string, string, string> AtRiskHeadline { get; init; }
    public required Func<int, string> ParametersSummary { get; init; }
    public required string ColumnParameter { get; init; }
    public required string ColumnValue { get; init; }

    public static ActionTexts For(string language) => language == "en" ? English : French;

    public string Eur(decimal amount) => ReferenceEquals(this, English)
        ? amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " EUR"
        : amount.ToString("#,0.##", FrenchCulture) + " €";

    private static string Route(string route) => route switch
    {
        "national" => "appel à projets national",
        "multi-regional" => "projet multirégional déposé auprès d'une ARS",
        _ => "appel à projets régional (ARS)",
    };

    private static string RouteEn(string route) => route switch
    {
        "national" => "national call",
        "multi-regional" => "multi-regional project filed with an ARS",
        _ => "regional call (ARS)",
    };
}

using System.Globalization;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Every sentence the report writers produce, in French (the default) and English. Titles of requirements, checks and
/// rules are not here: the report already holds them in its language.
/// </summary>
internal sealed class ReportTexts
{
    public static ReportTexts French { get; } = new()
    {
        Language = "fr",
        DocumentTitle = "Rapport de conformité DUI",
        ContentsLabel = "Sommaire",
        ReadyQuestion = "Prêt pour le référencement ?",
        FundingQuestion = "Quels financements sont à risque ?",
        ChartHeading = "Résultats des contrôles",
        ChartDescription = total => $"Répartition des {total} {Fr(total, "contrôle", "contrôles")} par résultat.",
        RequirementsHeading = "Exigences du référencement",
        RequirementsCaption = "Chaque exigence, son niveau et le résultat de ses contrôles",
        ChecksHeading = "Détail des contrôles",
        ScenariosHeading = "Scénarios joués",
        AboutHeading = "À propos de cette exécution",
        VerdictYes = "Oui",
        VerdictNo = "Non",
        VerdictNotYet = "Pas encore",
        VerdictUndetermined = "Indéterminé",
        VerdictNothingApplicable = "Rien à vérifier",
        ExplainYes = "Toutes les exigences obligatoires ont été vérifiées et sont satisfaites.",
        ExplainNo = failed => failed > 0
            ? $"{failed} {Fr(failed, "exigence obligatoire est en échec", "exigences obligatoires sont en échec")} : corrigez le DUI avant de demander le référencement."
            : "Des contrôles obligatoires sont en échec : corrigez le DUI avant de demander le référencement.",
        ExplainNotYet = notProven => $"Aucune exigence n'est en échec, mais {notProven} {Fr(notProven, "exigence obligatoire n'est pas prouvée", "exigences obligatoires ne sont pas prouvées")} : le DUI n'a pas produit les échanges attendus, ou ils n'ont pas été joués dans cette exécution.",
        ExplainUndetermined = "Le banc de test a lui-même rencontré une erreur (ce n'est pas la faute du DUI) : relancez l'exécution. Les résultats ci-dessous sont incomplets.",
        ExplainNothingApplicable = "Aucune exigence obligatoire ne s'applique à ce DUI dans cette exécution.",
        CheckCounts = summary => $"Contrôles : {summary.ChecksPassed} {Fr(summary.ChecksPassed, "réussi", "réussis")}, {summary.ChecksFailed} en échec, {summary.ChecksSkipped} non {Fr(summary.ChecksSkipped, "prouvé", "prouvés")}, {summary.ChecksErrored} en erreur du banc.",
        RequirementCounts = (summary, total) => $"Exigences : {summary.RequirementsPassed} {Fr(summary.RequirementsPassed, "satisfaite", "satisfaites")} sur {total}, {summary.RequirementsFailed} en échec, {summary.RequirementsNotProven} non {Fr(summary.RequirementsNotProven, "prouvée", "prouvées")}" + (summary.RequirementsNotTested > 0 ? $", {summary.RequirementsNotTested} hors contrôles automatiques (attestation manuelle ou contrôle à venir)." : "."),
        RuleCounts = summary => $"Financements : {summary.RulesReady} {Fr(summary.RulesReady, "prêt", "prêts")}, {summary.RulesAtRisk} à risque, {summary.RulesBlocked} {Fr(summary.RulesBlocked, "bloqué", "bloqués")}.",
        StatusReady = "Prêt",
        StatusAtRisk = "À risque",
        StatusBlocked = "Bloqué",
        StatusNotApplicable = "Non concerné",
        ExplainReady = "Toutes les exigences nécessaires sont satisfaites.",
        ExplainAtRisk = "Rien n'est en échec, mais certaines exigences nécessaires ne sont pas prouvées.",
        ExplainBlocked = "Au moins une exigence nécessaire est en échec : ce financement serait refusé en l'état.",
        ExplainNotApplicable = "Aucune des exigences nécessaires ne s'applique à ce DUI.",
        Colon = "\u00A0: ",
        BlockedByLabel = "Bloqué par",
        AtRiskByLabel = "Non prouvé",
        RequiredCount = count => $"S'appuie sur {count} {Fr(count, "exigence", "exigences")}.",
        SourceLabel = "Source",
        NoRules = "Aucune règle d'éligibilité dans cette campagne.",
        OutcomePass = "Réussi",
        OutcomeFail = "Échec",
        OutcomeSkip = "Non prouvé",
        OutcomeError = "Erreur du banc",
        OutcomeOmit = "Non applicable",
        LevelShall = "Obligatoire",
        LevelShould = "Recommandée",
        LevelMay = "Facultative",
        SeverityError = "Erreur",
        SeverityWarning = "Avertissement",
        SeverityInfo = "Information",
        ColumnRequirement = "Exigence",
        ColumnTitle = "Intitulé",
        ColumnLevel = "Niveau",
        ColumnOfficialRef = "Réf. officielle",
        ColumnOutcome = "Résultat",
        ColumnChecks = "Contrôles",
        ColumnCode = "Code",
        ColumnSeverity = "Gravité",
        ColumnMessage = "Message",
        ColumnLocation = "Emplacement",
        ColumnStep = "Étape",
        ColumnKind = "Type",
        ColumnEvidence = "Preuves",
        ColumnRule = "Financement",
        ColumnStatus = "Statut",
        ColumnDetail = "Détail",
        ColumnCheck = "Contrôle",
        ColumnScenario = "Scénario",
        NoCheck = "aucun contrôle",
        ScenarioLabel = "Scénario",
        VerifiesLabel = "Exigences vérifiées",
        ReasonLabel = "Raison",
        FindingsCaption = "Constats",
        NoFindings = "Aucun constat.",
        EvidenceLabel = "Preuves enregistrées",
        EvidenceMissing = "fichier non disponible",
        Bytes = length => string.Create(CultureInfo.InvariantCulture, $"{length} octets"),
        ExpandAll = "Tout déplier",
        CollapseAll = "Tout replier",
        ProblemsOnly = "Seulement les problèmes",
        NoSteps = "Aucune étape.",
        NoChecks = "Aucun contrôle n'a été exécuté.",
        ToolLabel = "Outil",
        SutLabel = "Système testé",
        PresetLabel = "Préréglage",
        DefectsLabel = "Défauts activés",
        NoneLabel = "aucun",
        CampaignLabel = "Campagne",
        RunLabel = "Exécution",
        StartedLabel = "Début",
        FinishedLabel = "Fin",
        DurationLabel = "Durée",
        TimeFormat = "dd/MM/yyyy HH:mm:ss 'UTC'",
        TopFindingsHeading = "Principaux constats",
        MoreFindings = count => $"… et {count} {Fr(count, "autre constat", "autres constats")} dans report.html.",
        FullReportHint = "Rapport complet, avec les preuves : report.html.",
        FindingsCount = count => $"{count} {Fr(count, "constat", "constats")}",
        ScenarioHarnessError = "Le scénario s'est interrompu sur une erreur du banc.",
    };

    public static ReportTexts English { get; } = new()
    {
        Language = "en",
        DocumentTitle = "DUI conformance report",
        ContentsLabel = "Contents",
        ReadyQuestion = "Ready for referencing?",
        FundingQuestion = "Which fundings are at risk?",
        ChartHeading = "Check results",
        ChartDescription = total => $"The {total} {En(total, "check", "checks")} by result.",
        RequirementsHeading = "Referencing requirements",
        RequirementsCaption = "Each requirement, its level and the result of its checks",
        ChecksHeading = "Checks in detail",
        ScenariosHeading = "Scenarios played",
        AboutHeading = "About this run",
        VerdictYes = "Yes",
        VerdictNo = "No",
        VerdictNotYet = "Not yet",
        VerdictUndetermined = "Undetermined",
        VerdictNothingApplicable = "Nothing to check",
        ExplainYes = "Every mandatory requirement was checked and is met.",
        ExplainNo = failed => failed > 0
            ? $"{failed} mandatory {En(failed, "requirement fails", "requirements fail")}: fix the DUI before applying for referencing."
            : "Mandatory checks fail: fix the DUI before applying for referencing.",
        ExplainNotYet = notProven => $"Nothing fails, but {notProven} mandatory {En(notProven, "requirement is", "requirements are")} not proven: the DUI did not produce the expected exchanges, or they were not played in this run.",
        ExplainUndetermined = "The test harness itself hit an error (not the DUI's fault): run it again. The results below are incomplete.",
        ExplainNothingApplicable = "No mandatory requirement applies to this DUI in this run.",
        CheckCounts = summary => $"Checks: {summary.ChecksPassed} passed, {summary.ChecksFailed} failed, {summary.ChecksSkipped} not proven, {summary.ChecksErrored} harness {En(summary.ChecksErrored, "error", "errors")}.",
        RequirementCounts = (summary, total) => $"Requirements: {summary.RequirementsPassed} of {total} met, {summary.RequirementsFailed} failed, {summary.RequirementsNotProven} not proven" + (summary.RequirementsNotTested > 0 ? $", {summary.RequirementsNotTested} outside the automated checks (manual attestation or check to come)." : "."),
        RuleCounts = summary => $"Fundings: {summary.RulesReady} ready, {summary.RulesAtRisk} at risk, {summary.RulesBlocked} blocked.",
        StatusReady = "Ready",
        StatusAtRisk = "At risk",
        StatusBlocked = "Blocked",
        StatusNotApplicable = "Not concerned",
        ExplainReady = "Every requirement it needs is met.",
        ExplainAtRisk = "Nothing fails, but some requirements it needs are not proven.",
        ExplainBlocked = "At least one requirement it needs fails: this funding would be refused as things stand.",
        ExplainNotApplicable = "None of the requirements it needs applies to this DUI.",
        Colon = ": ",
        BlockedByLabel = "Blocked by",
        AtRiskByLabel = "Not proven",
        RequiredCount = count => $"Relies on {count} {En(count, "requirement", "requirements")}.",
        SourceLabel = "Source",
        NoRules = "This campaign has no eligibility rule.",
        OutcomePass = "Passed",
        OutcomeFail = "Failed",
        OutcomeSkip = "Not proven",
        OutcomeError = "Harness error",
        OutcomeOmit = "Not applicable",
        LevelShall = "Mandatory",
        LevelShould = "Recommended",
        LevelMay = "Optional",
        SeverityError = "Error",
        SeverityWarning = "Warning",
        SeverityInfo = "Information",
        ColumnRequirement = "Requirement",
        ColumnTitle = "Title",
        ColumnLevel = "Level",
        ColumnOfficialRef = "Official ref.",
        ColumnOutcome = "Result",
        ColumnChecks = "Checks",
        ColumnCode = "Code",
        ColumnSeverity = "Severity",
        ColumnMessage = "Message",
        ColumnLocation = "Location",
        ColumnStep = "Step",
        ColumnKind = "Kind",
        ColumnEvidence = "Evidence",
        ColumnRule = "Funding",
        ColumnStatus = "Status",
        ColumnDetail = "Detail",
        ColumnCheck = "Check",
        ColumnScenario = "Scenario",
        NoCheck = "no check",
        ScenarioLabel = "Scenario",
        VerifiesLabel = "Requirements verified",
        ReasonLabel = "Reason",
        FindingsCaption = "Findings",
        NoFindings = "No finding.",
        EvidenceLabel = "Recorded evidence",
        EvidenceMissing = "file not available",
        Bytes = length => string.Create(CultureInfo.InvariantCulture, $"{length} bytes"),
        ExpandAll = "Expand all",
        CollapseAll = "Collapse all",
        ProblemsOnly = "Problems only",
        NoSteps = "No step.",
        NoChecks = "No check ran.",
        ToolLabel = "Tool",
        SutLabel = "System under test",
        PresetLabel = "Preset",
        DefectsLabel = "Defects switched on",
        NoneLabel = "none",
        CampaignLabel = "Campaign",
        RunLabel = "Run",
        StartedLabel = "Started",
        FinishedLabel = "Finished",
        DurationLabel = "Duration",
        TimeFormat = "yyyy-MM-dd HH:mm:ss 'UTC'",
        TopFindingsHeading = "Top findings",
        MoreFindings = count => $"… and {count} more {En(count, "finding", "findings")} in report.html.",
        FullReportHint = "Full report, with the evidence: report.html.",
        FindingsCount = count => $"{count} {En(count, "finding", "findings")}",
        ScenarioHarnessError = "The scenario stopped on a harness error.",
    };

    public required string Language { get; init; }
    public required string DocumentTitle { get; init; }
    public required string ContentsLabel { get; init; }
    public required string ReadyQuestion { get; init; }
    public required string FundingQuestion { get; init; }
    public required string ChartHeading { get; init; }
    public required Func<int, string> ChartDescription { get; init; }
    public required string RequirementsHeading { get; init; }
    public required string RequirementsCaption { get; init; }
    public required string ChecksHeading { get; init; }
    public required string ScenariosHeading { get; init; }
    public required string AboutHeading { get; init; }
    public required string VerdictYes { get; init; }
    public required string VerdictNo { get; init; }
    public required string VerdictNotYet { get; init; }
    public required string VerdictUndetermined { get; init; }
    public required string VerdictNothingApplicable { get; init; }
    public required string ExplainYes { get; init; }
    public required Func<int, string> ExplainNo { get; init; }
    public required Func<int, string> ExplainNotYet { get; init; }
    public required string ExplainUndetermined { get; init; }
    public required string ExplainNothingApplicable { get; init; }
    public required Func<ReportSummary, string> CheckCounts { get; init; }
    public required Func<ReportSummary, int, string> RequirementCounts { get; init; }
    public required Func<ReportSummary, string> RuleCounts { get; init; }
    public required string StatusReady { get; init; }
    public required string StatusAtRisk { get; init; }
    public required string StatusBlocked { get; init; }
    public required string StatusNotApplicable { get; init; }
    public required string ExplainReady { get; init; }
    public required string ExplainAtRisk { get; init; }
    public required string ExplainBlocked { get; init; }
    public required string ExplainNotApplicable { get; init; }
    public required string Colon { get; init; }
    public required string BlockedByLabel { get; init; }
    public required string AtRiskByLabel { get; init; }
    public required Func<int, string> RequiredCount { get; init; }
    public required string SourceLabel { get; init; }
    public required string NoRules { get; init; }
    public required string OutcomePass { get; init; }
    public required string OutcomeFail { get; init; }
    public required string OutcomeSkip { get; init; }
    public required string OutcomeError { get; init; }
    public required string OutcomeOmit { get; init; }
    public required string LevelShall { get; init; }
    public required string LevelShould { get; init; }
    public required string LevelMay { get; init; }
    public required string SeverityError { get; init; }
    public required string SeverityWarning { get; init; }
    public required string SeverityInfo { get; init; }
    public required string ColumnRequirement { get; init; }
    public required string ColumnTitle { get; init; }
    public required string ColumnLevel { get; init; }
    public required string ColumnOfficialRef { get; init; }
    public required string ColumnOutcome { get; init; }
    public required string ColumnChecks { get; init; }
    public required string ColumnCode { get; init; }
    public required string ColumnSeverity { get; init; }
    public required string ColumnMessage { get; init; }
    public required string ColumnLocation { get; init; }
    public required string ColumnStep { get; init; }
    public required string ColumnKind { get; init; }
    public required string ColumnEvidence { get; init; }
    public required string ColumnRule { get; init; }
    public required string ColumnStatus { get; init; }
    public required string ColumnDetail { get; init; }
    public required string ColumnCheck { get; init; }
    public required string ColumnScenario { get; init; }
    public required string NoCheck { get; init; }
    public required string ScenarioLabel { get; init; }
    public required string VerifiesLabel { get; init; }
    public required string ReasonLabel { get; init; }
    public required string FindingsCaption { get; init; }
    public required string NoFindings { get; init; }
    public required string EvidenceLabel { get; init; }
    public required string EvidenceMissing { get; init; }
    public required Func<long, string> Bytes { get; init; }
    public required string ExpandAll { get; init; }
    public required string CollapseAll { get; init; }
    public required string ProblemsOnly { get; init; }
    public required string NoSteps { get; init; }
    public required string NoChecks { get; init; }
    public required string ToolLabel { get; init; }
    public required string SutLabel { get; init; }
    public required string PresetLabel { get; init; }
    public required string DefectsLabel { get; init; }
    public required string NoneLabel { get; init; }
    public required string CampaignLabel { get; init; }
    public required string RunLabel { get; init; }
    public required string StartedLabel { get; init; }
    public required string FinishedLabel { get; init; }
    public required string DurationLabel { get; init; }
    public required string TimeFormat { get; init; }
    public required string TopFindingsHeading { get; init; }
    public required Func<int, string> MoreFindings { get; init; }
    public required string FullReportHint { get; init; }
    public required Func<int, string> FindingsCount { get; init; }
    public required string ScenarioHarnessError { get; init; }

    /// <summary>The texts of a report language: English for <c>en</c>, French otherwise.</summary>
    public static ReportTexts For(string language) => language == "en" ? English : French;

    /// <summary>The label of an outcome wire name; the wire name itself when unknown.</summary>
    public string Outcome(string wire) => wire switch
    {
        "pass" => OutcomePass,
        "fail" => OutcomeFail,
        "skip" => OutcomeSkip,
        "error" => OutcomeError,
        "omit" => OutcomeOmit,
        _ => wire,
    };

    /// <summary>A text symbol for an outcome, shown beside its label (never alone: colour and symbol are not enough).</summary>
    public static string OutcomeSymbol(string wire) => wire switch
    {
        "pass" => "✓",
        "fail" => "✗",
        "skip" => "?",
        "error" => "⚠",
        _ => "–",
    };

    /// <summary>The label of an eligibility status wire name.</summary>
    public string Status(string wire) => wire switch
    {
        "ready" => StatusReady,
        "at-risk" => StatusAtRisk,
        "blocked" => StatusBlocked,
        "not-applicable" => StatusNotApplicable,
        _ => wire,
    };

    /// <summary>What an eligibility status means for the reader.</summary>
    public string StatusExplanation(string wire) => wire switch
    {
        "ready" => ExplainReady,
        "at-risk" => ExplainAtRisk,
        "blocked" => ExplainBlocked,
        "not-applicable" => ExplainNotApplicable,
        _ => string.Empty,
    };

    /// <summary>A text symbol for an eligibility status.</summary>
    public static string StatusSymbol(string wire) => wire switch
    {
        "ready" => "✓",
        "at-risk" => "⚠",
        "blocked" => "✗",
        _ => "–",
    };

    /// <summary>The label of a requirement level wire name.</summary>
    public string Level(string wire) => wire switch
    {
        "SHALL" => LevelShall,
        "SHOULD" => LevelShould,
        "MAY" => LevelMay,
        _ => wire,
    };

    /// <summary>The label of a finding severity wire name.</summary>
    public string Severity(string wire) => wire switch
    {
        "error" => SeverityError,
        "warning" => SeverityWarning,
        "info" => SeverityInfo,
        _ => wire,
    };

    /// <summary>The verdict word of a readiness.</summary>
    public string Verdict(Readiness readiness) => readiness switch
    {
        Readiness.Yes => VerdictYes,
        Readiness.No => VerdictNo,
        Readiness.NotYet => VerdictNotYet,
        Readiness.Undetermined => VerdictUndetermined,
        Readiness.NothingApplicable => VerdictNothingApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(readiness), readiness, $"Enum values have been added to {nameof(Readiness)}: update {nameof(Verdict)}."),
    };

    /// <summary>The sentence under the verdict word.</summary>
    public string VerdictExplanation(Readiness readiness, int failed, int notProven) => readiness switch
    {
        Readiness.Yes => ExplainYes,
        Readiness.No => ExplainNo(failed),
        Readiness.NotYet => ExplainNotYet(notProven),
        Readiness.Undetermined => ExplainUndetermined,
        Readiness.NothingApplicable => ExplainNothingApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(readiness), readiness, $"Enum values have been added to {nameof(Readiness)}: update {nameof(VerdictExplanation)}."),
    };

    /// <summary>A time in the report's format (always UTC, so readers in any zone agree).</summary>
    public string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A duration as <c>1 h 02 min 03 s</c>, <c>2 min 03 s</c> or <c>4.2 s</c> (French uses a decimal comma).</summary>
    public string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        var culture = CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "fr-FR");
        return duration.TotalHours >= 1
            ? string.Create(culture, $"{(int)duration.TotalHours} h {duration.Minutes:00} min {duration.Seconds:00} s")
            : duration.TotalMinutes >= 1
                ? string.Create(culture, $"{duration.Minutes} min {duration.Seconds:00} s")
                : string.Create(culture, $"{duration.TotalSeconds:0.0} s");
    }

    // Note: French uses the singular for 0 and 1 ("0 exigence satisfaite"), English only for 1.
    private static string Fr(int count, string singular, string plural) => count <= 1 ? singular : plural;

    private static string En(int count, string singular, string plural) => count == 1 ? singular : plural;
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuiConformance.Core.Eligibility.Internal;
using DuiConformance.Core.Requirements;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DuiConformance.Core.Eligibility;

/// <summary>
/// The eligibility rules of one funding campaign (one instruction: 2021 amorçage, 2022 … 2025), read from
/// <c>profiles/eligibility/&lt;id&gt;.yaml</c>: the official texts it applies, its dated figures (parameters, each with
/// its source) and its named rules (DESIGN.md §5, STYLE.md rule 16).
/// </summary>
/// <remarks>
/// Loading is strict: an unknown field, an unknown rule kind, a rule requiring a requirement that is not in the
/// catalogue, a duplicate id or a malformed value refuses the whole file, naming the file (and the line where it is
/// known). A rule set that is half read would put fundings at risk in silence.
/// </remarks>
public sealed partial class EligibilityRuleSet
{
    /// <summary>The <see cref="HarnessException.Code"/> of every rule set loading error.</summary>
    public const string LoadErrorCode = HarnessCodes.EligibilityRuleSetInvalid;

    private readonly Dictionary<string, EligibilityParameter> _parameters;

    private EligibilityRuleSet(
        string source,
        string id,
        string titleFr,
        string titleEn,
        InstructionReference instruction,
        IReadOnlyList<InstructionReference> amendedBy,
        IReadOnlyList<string> sources,
        IReadOnlyList<EligibilityParameter> parameters,
        IReadOnlyList<EligibilityRule> rules)
    {
        Source = source;
        Id = id;
        TitleFr = titleFr;
        TitleEn = titleEn;
        Instruction = instruction;
        AmendedBy = amendedBy;
        Sources = sources;
        Parameters = parameters;
        Rules = rules;
        _parameters = parameters.ToDictionary(parameter => parameter.Id, StringComparer.Ordinal);
    }

    /// <summary>Where the rule set was read from (a path, or the name given to <see cref="Parse"/>).</summary>
    public string Source { get; }

    /// <summary>The campaign id (<c>--campaign</c>), e.g. <c>2025</c>; every rule id starts with it.</summary>
    public string Id { get; }

    /// <summary>Title shown in French reports.</summary>
    public string TitleFr { get; }

    /// <summary>Title shown in English reports.</summary>
    public string TitleEn { get; }

    /// <summary>The instruction the campaign applies.</summary>
    public InstructionReference Instruction { get; }

    /// <summary>Later instructions that amend it, oldest first; where they disagree, the newest wins.</summary>
    public IReadOnlyList<InstructionReference> AmendedBy { get; }

    /// <summary>The documents the rule set was written from.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The campaign's figures, in file order.</summary>
    public IReadOnlyList<EligibilityParameter> Parameters { get; }

    /// <summary>The campaign's rules, in file order (the order reports show them in).</summary>
    public IReadOnlyList<EligibilityRule> Rules { get; }

    /// <summary>The title in the report language: English for <c>en</c>, French otherwise.</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;

    /// <summary>Finds a parameter by its id.</summary>
    public bool TryGetParameter(string id, [NotNullWhen(true)] out EligibilityParameter? parameter) => _parameters.TryGetValue(id, out parameter);

    /// <summary>The parameter with this id.</summary>
    /// <exception cref="KeyNotFoundException">The rule set has no such parameter.</exception>
    public EligibilityParameter Parameter(string id) => TryGetParameter(id, out var parameter)
        ? parameter
        : throw new KeyNotFoundException($"Rule set '{Id}' ({Source}) has no parameter '{id}'.");

    /// <summary>The file of a campaign: <c>profiles/eligibility/&lt;id&gt;.yaml</c>.</summary>
    /// <exception cref="ArgumentException">The id holds anything but letters, digits, '-' and '_' (it names a file).</exception>
    public static string DefaultPath(string campaignId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        if (!CampaignIdPattern().IsMatch(campaignId))
        {
            throw new ArgumentException($"'{campaignId}' is not a campaign id (letters, digits, '-' and '_' only).", nameof(campaignId));
        }

        return RepositoryLayout.Profile("eligibility", campaignId + ".yaml");
    }

    /// <summary>Reads a rule set file, checking every required requirement against <paramref name="catalogue"/>.</summary>
    /// <exception cref="HarnessException">The file cannot be read or is malformed (code <see cref="LoadErrorCode"/>).</exception>
    public static EligibilityRuleSet Load(string path, RequirementCatalogue catalogue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(catalogue);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new HarnessException(LoadErrorCode, $"{path}: cannot read the eligibility rule set: {exception.Message}", exception);
        }

        return Parse(text, path, catalogue);
    }

    /// <summary>Reads a rule set from YAML text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="HarnessException">The text is malformed (code <see cref="LoadErrorCode"/>).</exception>
    public static EligibilityRuleSet Parse(string yamlText, string sourceName, RequirementCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(catalogue);

        var document = Deserialize(yamlText, sourceName);
        var reader = new Reader(yamlText, sourceName);
        var id = reader.Required(document.Id, "id", null);
        if (!CampaignIdPattern().IsMatch(id))
        {
            throw reader.Error($"'{id}' is not a campaign id (letters, digits, '-' and '_' only)", "id:");
        }

        var instruction = reader.Instruction(document.Instruction, "instruction")
            ?? throw reader.Error("the field 'instruction' is missing (the official text this campaign applies)", null);
        var amendedBy = (document.AmendedBy ?? [])
            .Select(entry => reader.Instruction(entry, "amended_by") ?? throw reader.Error("an 'amended_by' entry is empty", "amended_by:"))
            .ToList();
        var sources = document.Sources ?? [];
        if (sources.Count == 0 || sources.Any(string.IsNullOrWhiteSpace))
        {
            throw reader.Error("'sources' must list the documents the rule set was written from", "sources:");
        }

        var parameters = new List<EligibilityParameter>();
        foreach (var (parameterId, entry) in document.Parameters ?? [])
        {
            parameters.Add(reader.Parameter(parameterId, entry));
        }

        var rules = new List<EligibilityRule>();
        var parameterById = parameters.ToDictionary(parameter => parameter.Id, StringComparer.Ordinal);
        foreach (var entry in document.Rules ?? [])
        {
            var rule = reader.Rule(entry ?? throw reader.Error("a 'rules' entry is empty", "rules:"), id, catalogue, parameterById);
            if (rules.Any(existing => existing.Id == rule.Id))
            {
                throw reader.Error($"rule id '{rule.Id}' is defined twice", rule.Id);
            }

            rules.Add(rule);
        }

        if (rules.Count == 0)
        {
            throw reader.Error("the rule set holds no rule", "rules:");
        }

        foreach (var rule in rules.Where(rule => rule.Funding?.SecondPaymentRule is not null))
        {
            if (rules.All(other => other.Id != rule.Funding!.SecondPaymentRule))
            {
                throw reader.Error($"rule '{rule.Id}': funding.second_payment_rule '{rule.Funding!.SecondPaymentRule}' is not a rule of this set", rule.Id);
            }
        }

        return new EligibilityRuleSet(
            sourceName,
            id,
            reader.Required(document.TitleFr, "title_fr", null),
            reader.Required(document.TitleEn, "title_en", null),
            instruction,
            amendedBy,
            sources,
            parameters,
            rules);
    }

    private static RuleSetYaml Deserialize(string yamlText, string sourceName)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithDuplicateKeyChecking()
            .Build();
        try
        {
            return deserializer.Deserialize<RuleSetYaml?>(yamlText)
                ?? throw new HarnessException(LoadErrorCode, $"{sourceName}: the file is empty");
        }
        catch (YamlException exception)
        {
            // Note: YamlDotNet wraps the real problem ("Property 'x' not found on type …") in outer exceptions; the
            // innermost one carries the message worth showing, the outer one the position.
            var innermost = exception;
            while (innermost.InnerException is YamlException inner)
            {
                innermost = inner;
            }

            var message = UnknownPropertyPattern().Match(innermost.Message) is { Success: true } match
                ? $"unknown field '{match.Groups["name"].Value}'"
                : innermost.Message;
            var mark = innermost.Start.Line > 0 ? innermost.Start : exception.Start;
            throw new HarnessException(
                LoadErrorCode,
                string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{mark.Line}:{mark.Column}: {message}"),
                exception);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CampaignIdPattern();

    [GeneratedRegex(@"^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ParameterIdPattern();

    [GeneratedRegex(@"Property '(?<name>[^']*)' not found", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnknownPropertyPattern();

    /// <summary>Turns the raw YAML shapes into the model, with errors that name the file and, where it can be found, the line.</summary>
    private sealed class Reader(string text, string sourceName)
    {
        public HarnessException Error(string message, string? token)
        {
            var line = token is null ? 0 : LineOf(token);
            return new HarnessException(
                LoadErrorCode,
                line > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {message}")
                    : $"{sourceName}: {message}");
        }

        public string Required(string? value, string field, string? context) => string.IsNullOrWhiteSpace(value)
            ? throw Error(context is null ? $"the field '{field}' is missing or empty" : $"{context}: the field '{field}' is missing or empty", context)
            : value;

        public InstructionReference? Instruction(InstructionYaml? entry, string field)
        {
            if (entry is null)
            {
                return null;
            }

            var reference = Required(entry.Reference, "reference", field);
            var dateText = Required(entry.Date, "date", reference);
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error($"{field} '{reference}': date '{dateText}' is not yyyy-MM-dd", reference);
            }

            return new InstructionReference(reference, date, NullIfBlank(entry.Title), NullIfBlank(entry.Url));
        }

        public EligibilityParameter Parameter(string id, ParameterYaml? entry)
        {
            if (!ParameterIdPattern().IsMatch(id))
            {
                throw Error($"parameter '{id}': ids are kebab-case (a-z, 0-9, '-')", id + ":");
            }

            if (entry is null)
            {
                throw Error($"parameter '{id}' has no value", id + ":");
            }

            var context = $"parameter '{id}'";
            var parameter = new EligibilityParameter(
                id,
                Required(entry.Value, "value", context),
                Required(entry.Unit, "unit", context),
                Required(entry.DescriptionFr, "description_fr", context),
                NullIfBlank(entry.DescriptionEn),
                Required(entry.Source, "source", context));
            if (!EligibilityParameter.Units.Contains(parameter.Unit))
            {
                throw Error($"{context}: unit '{parameter.Unit}' is not one of {string.Join(", ", EligibilityParameter.Units)}", id + ":");
            }

            if (!parameter.IsWellFormed())
            {
                throw Error($"{context}: value '{parameter.Value}' is not a valid {parameter.Unit} (numbers like 7000 or 0.5, dates yyyy-MM-dd, true/false)", id + ":");
            }

            return parameter;
        }

        public EligibilityRule Rule(RuleYaml entry, string campaignId, RequirementCatalogue catalogue, Dictionary<string, EligibilityParameter> parameters)
        {
            var id = Required(entry.Id, "id", "a rule");
            var prefix = campaignId + "-";
            if (!id.StartsWith(prefix, StringComparison.Ordinal) || !RuleNamePattern().IsMatch(id[prefix.Length..]))
            {
                throw Error($"rule id '{id}' must be {campaignId}-<NAME> with NAME in upper case (A-Z, 0-9, '-')", id);
            }

            var context = $"rule '{id}'";
            var kind = Required(entry.Kind, "kind", context);
            if (!EligibilityRuleKinds.All.Contains(kind))
            {
                throw Error($"{context}: unknown kind '{kind}' (known kinds: {string.Join(", ", EligibilityRuleKinds.All)})", "kind: " + kind);
            }

            var requires = entry.Requires ?? [];
            if (requires.Count == 0 && EligibilityRuleKinds.RequirementKinds.Contains(kind))
            {
                throw Error($"{context}: 'requires' must list at least one requirement id", id);
            }

            foreach (var requirementId in requires)
            {
                if (!catalogue.Contains(requirementId))
                {
                    throw Error($"{context} requires '{requirementId}', which is not in the requirement catalogue ({catalogue.Source})", requirementId);
                }
            }

            var duplicate = requires.GroupBy(requirementId => requirementId, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
            if (duplicate is not null)
            {
                throw Error($"{context} lists '{duplicate.Key}' twice in 'requires'", id);
            }

            void NeedParameter(string? parameterId, string field, params string[] units)
            {
                if (parameterId is null)
                {
                    return;
                }

                if (!parameters.TryGetValue(parameterId, out var parameter))
                {
                    throw Error($"{context}: {field} names parameter '{parameterId}', which the rule set does not define", parameterId);
                }

                if (!units.Contains(parameter.Unit))
                {
                    throw Error($"{context}: {field} names parameter '{parameterId}' ({parameter.Unit}); expected a {string.Join(" or ", units)} parameter", parameterId);
                }
            }

            var uses = new Dictionary<string, string>(entry.Uses ?? [], StringComparer.Ordinal);
            foreach (var (role, parameterId) in uses)
            {
                var unit = role switch
                {
                    "min-group" or "min-group-corsica-overseas" or "national-threshold" => "ESSMS",
                    "denominator-excludes-anonymous" => "boolean",
                    "lock-date" or "regional-opens" or "regional-closes" or "multiregional-closes" or "national-opens" or "national-closes" => "date",
                    _ => throw Error($"{context}: unknown role '{role}' in 'uses'", role + ":"),
                };
                NeedParameter(parameterId, $"uses.{role}", unit);
            }

            string[] neededRoles = kind switch
            {
                EligibilityRuleKinds.GroupAdmissibility => ["min-group", "min-group-corsica-overseas", "national-threshold"],
                EligibilityRuleKinds.SonsLock => ["lock-date"],
                _ => [],
            };
            var missingRole = neededRoles.FirstOrDefault(role => !uses.ContainsKey(role));
            if (missingRole is not null)
            {
                throw Error($"{context}: kind '{kind}' needs 'uses.{missingRole}'", id);
            }

            FundingTerms? funding = null;
            if (entry.Funding is { } block)
            {
                var beneficiary = Required(block.Beneficiary, "funding.beneficiary", context);
                if (beneficiary is not ("owner" or "editor"))
                {
                    throw Error($"{context}: funding.beneficiary '{beneficiary}' is not owner or editor", beneficiary);
                }

                if (block.Choice is not null && block.Choice is not ("acquisition" or "upgrade"))
                {
                    throw Error($"{context}: funding.choice '{block.Choice}' is not acquisition or upgrade", block.Choice);
                }

                if ((block.PerEssms is null) == (block.PerProject is null))
                {
                    throw Error($"{context}: funding needs exactly one of per_essms and per_project", id);
                }

                NeedParameter(block.PerEssms, "funding.per_essms", "EUR");
                NeedParameter(block.PerEssmsReduced, "funding.per_essms_reduced", "EUR");
                NeedParameter(block.FullRateCount, "funding.full_rate_count", "ESSMS");
                NeedParameter(block.ReducedFromGroupSize, "funding.reduced_from_group_size", "ESSMS");
                NeedParameter(block.PerProject, "funding.per_project", "EUR");
                NeedParameter(block.AtStartPercent, "funding.at_start_percent", "percent");
                if ((block.PerEssmsReduced is null) != (block.FullRateCount is null) || (block.PerEssmsReduced is null) != (block.ReducedFromGroupSize is null))
                {
                    throw Error($"{context}: funding.per_essms_reduced, full_rate_count and reduced_from_group_size go together", id);
                }

                funding = new FundingTerms(
                    block.Choice,
                    beneficiary,
                    block.PerEssms,
                    block.PerEssmsReduced,
                    block.FullRateCount,
                    block.ReducedFromGroupSize,
                    block.PerProject,
                    block.Ceiling ?? false,
                    block.UseRequested ?? false,
                    block.AtStartPercent,
                    NullIfBlank(block.SecondPaymentRule))
                {
                    Route = block.Route is null or "national" or "ars"
                        ? block.Route
                        : throw Error($"{context}: funding.route '{block.Route}' is not national or ars", block.Route),
                };
            }

            var exemptions = new List<RuleExemption>();
            foreach (var exemption in entry.Exemptions ?? [])
            {
                if (exemption is null)
                {
                    throw Error($"{context}: an 'exemptions' entry is empty", id);
                }

                var sector = Required(exemption.Sector, "exemptions.sector", context);
                if (!Organisations.Organisation.Sectors.Contains(sector))
                {
                    throw Error($"{context}: exemption sector '{sector}' is not one of {string.Join(", ", Organisations.Organisation.Sectors)}", sector);
                }

                var when = Required(exemption.When, "exemptions.when", context);
                NeedParameter(when, "exemptions.when", "boolean");
                var value = Required(exemption.Is, "exemptions.is", context);
                if (value is not ("true" or "false"))
                {
                    throw Error($"{context}: exemptions.is '{value}' is not true or false", when);
                }

                exemptions.Add(new RuleExemption(sector, exemption.SonsOrder, when, value, exemption.Relax ?? false));
            }

            return new EligibilityRule(
                id,
                kind,
                Required(entry.TitleFr, "title_fr", context),
                Required(entry.TitleEn, "title_en", context),
                Required(entry.DescriptionFr, "description_fr", context),
                NullIfBlank(entry.DescriptionEn),
                [.. requires],
                Required(entry.Source, "source", context))
            {
                Uses = uses,
                Funding = funding,
                Exemptions = exemptions,
            };
        }

        // Note: the deserializer does not keep positions, so semantic errors point at the first line that holds the
        // offending token: right for ids (unique by construction) and close enough for anything else.
        private int LineOf(string token)
        {
            var index = text.IndexOf(token, StringComparison.Ordinal);
            return index < 0 ? 0 : text.AsSpan(0, index).Count('\n') + 1;
        }

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

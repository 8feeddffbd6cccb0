using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.Core.Requirements;

/// <summary>
/// The requirement catalogue: every <c>DUI-*</c> requirement a check can verify and an eligibility rule can require,
/// read from every <c>profiles/requirements/*.csv</c> (UTF-8, RFC 4180, one header row each; STYLE.md rule 16).
/// </summary>
/// <remarks>
/// Columns, in any order: <c>id,theme,level,title_fr,title_en,official_ref,source,verification,not_tested_reason</c>
/// must all be present; <see cref="OptionalColumns"/> (<c>applies_to</c>, <c>domain_section</c>) may be left out, so a
/// file in the first layout still loads. One file per theme is fine: ids must be unique across files.
/// Loading refuses the whole file on the first malformed row, duplicate id or id outside
/// <c>^DUI-(INS|CDA|DMP|MES|MSS|ANN|PSC|SEC)-\d{2}$</c>, naming the file and line: a catalogue that is half read
/// would make reports silently lie.
/// </remarks>
public sealed partial class RequirementCatalogue
{
    /// <summary>The <see cref="HarnessException.Code"/> of every catalogue loading error.</summary>
    public const string LoadErrorCode = HarnessCodes.RequirementCatalogueInvalid;

    /// <summary>The columns of <c>requirements.csv</c>, in their usual order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "theme", "level", "title_fr", "title_en", "official_ref", "source", "verification", "not_tested_reason"];

    /// <summary>Columns a file may leave out: <c>applies_to</c> (default <c>all</c>) and <c>domain_section</c>.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["applies_to", "domain_section"];

    private readonly Dictionary<string, Requirement> _byId;

    private RequirementCatalogue(string source, IReadOnlyList<Requirement> requirements)
    {
        Source = source;
        All = requirements;
        _byId = requirements.ToDictionary(requirement => requirement.Id, StringComparer.Ordinal);
    }

    /// <summary>The folder of the default catalogue: <c>profiles/requirements/</c>, every <c>*.csv</c> in it.</summary>
    /// <exception cref="DirectoryNotFoundException">The project folder cannot be found (see <see cref="RepositoryLayout"/>).</exception>
    public static string DefaultDirectory => RepositoryLayout.Profile("requirements");

    /// <summary>The first catalogue file: <c>profiles/requirements/requirements.csv</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The project folder cannot be found (see <see cref="RepositoryLayout"/>).</exception>
    public static string DefaultPath => RepositoryLayout.Profile("requirements", "requirements.csv");

    /// <summary>Where the catalogue was read from (a path, or the name given to <see cref="Parse"/>).</summary>
    public string Source { get; }

    /// <summary>Every requirement, in file order.</summary>
    public IReadOnlyList<Requirement> All { get; }

    /// <summary>Finds a requirement by its exact id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Requirement? requirement) => _byId.TryGetValue(id, out requirement);

    /// <summary>True when the catalogue holds <paramref name="id"/> (exact, case-sensitive).</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The requirement with this id.</summary>
    /// <exception cref="KeyNotFoundException">No requirement has this id.</exception>
    public Requirement Get(string id) => TryGet(id, out var requirement)
        ? requirement
        : throw new KeyNotFoundException($"'{id}' is not in the requirement catalogue ({Source}).");

    /// <summary>Reads the default catalogue: every CSV file of <see cref="DefaultDirectory"/>.</summary>
    /// <exception cref="HarnessException">A file is malformed, or an id is defined twice (code <see cref="LoadErrorCode"/>).</exception>
    public static RequirementCatalogue LoadDefault() => LoadDirectory(DefaultDirectory);

    /// <summary>
    /// Reads every <c>*.csv</c> of a folder into one catalogue: <c>requirements.csv</c> (the shared requirements) first,
    /// then the others in ordinal file-name order; requirements keep their file order.
    /// </summary>
    /// <exception cref="HarnessException">
    /// The folder holds no CSV file, a file is malformed, or an id is defined in two files; the message names both
    /// (code <see cref="LoadErrorCode"/>).
    /// </exception>
    public static RequirementCatalogue LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.csv")
                .OrderBy(file => Path.GetFileName(file) == "requirements.csv" ? 0 : 1)
                .ThenBy(file => file, StringComparer.Ordinal)
                .ToList()
            : [];
        if (files.Count == 0)
        {
            throw new HarnessException(LoadErrorCode, $"{directory}: no requirement catalogue file (*.csv)");
        }

        var requirements = new List<Requirement>();
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var requirement in Load(file).All)
            {
                if (!fileOf.TryAdd(requirement.Id, file))
                {
                    throw new HarnessException(LoadErrorCode, $"{file}: requirement id '{requirement.Id}' is already defined in {fileOf[requirement.Id]}");
                }

                requirements.Add(requirement);
            }
        }

        return new RequirementCatalogue(directory, requirements);
    }

    /// <summary>Reads a catalogue file.</summary>
    /// <exception cref="HarnessException">
    /// The file cannot be read, is not UTF-8, or has a malformed row, a duplicate id or a bad id; the message names the
    /// file and line (code <see cref="LoadErrorCode"/>).
    /// </exception>
    public static RequirementCatalogue Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new HarnessException(LoadErrorCode, $"{path}: cannot read the requirement catalogue: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a catalogue from CSV text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="HarnessException">A malformed row, a duplicate id or a bad id (code <see cref="LoadErrorCode"/>).</exception>
    public static RequirementCatalogue Parse(string csvText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        if (csvText.Length > 0 && csvText[0] == '\uFEFF')
        {
            csvText = csvText[1..];
        }

        var records = CsvParser.Parse(csvText);
        if (records.Count == 0)
        {
            throw Error(sourceName, 1, $"the file is empty; expected the header row: {string.Join(',', Columns)}");
        }

        var header = records[0];
        if (header.Error is not null)
        {
            throw Error(sourceName, header.Line, header.Error);
        }

        var columnIndex = ReadHeader(sourceName, header);
        var requirements = new List<Requirement>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.Error is not null)
            {
                throw Error(sourceName, record.Line, record.Error);
            }

            // Note: a row written in the first layout (without the optional trailing columns) still reads, so a row
            // appended by someone who did not know the new columns does not break the catalogue.
            var missingTrailing = columnIndex.Where(column => column.Value >= record.Fields.Count).Select(column => column.Key).ToList();
            if (record.Fields.Count > columnIndex.Count || missingTrailing.Any(column => !OptionalColumns.Contains(column)))
            {
                throw Error(sourceName, record.Line, $"expected {columnIndex.Count} fields, found {record.Fields.Count} (quote fields that hold commas)");
            }

            var requirement = ReadRow(sourceName, record, columnIndex);
            if (firstLineOf.TryGetValue(requirement.Id, out var firstLine))
            {
                throw Error(sourceName, record.Line, $"duplicate requirement id '{requirement.Id}' (first defined on line {firstLine.ToString(CultureInfo.InvariantCulture)})");
            }

            firstLineOf[requirement.Id] = record.Line;
            requirements.Add(requirement);
        }

        if (requirements.Count == 0)
        {
            throw Error(sourceName, header.Line, "the catalogue holds no requirement");
        }

        return new RequirementCatalogue(sourceName, requirements);
    }

    private static Dictionary<string, int> ReadHeader(string sourceName, CsvRecord header)
    {
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            if (!Columns.Contains(name) && !OptionalColumns.Contains(name))
            {
                throw Error(sourceName, header.Line, $"unknown column '{name}'; the columns are: {string.Join(',', Columns.Concat(OptionalColumns))}");
            }

            if (!columnIndex.TryAdd(name, i))
            {
                throw Error(sourceName, header.Line, $"column '{name}' appears twice");
            }
        }

        var missing = Columns.Where(column => !columnIndex.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            throw Error(sourceName, header.Line, $"missing column(s) {string.Join(", ", missing)}; the columns are: {string.Join(',', Columns)}");
        }

        return columnIndex;
    }

    private static Requirement ReadRow(string sourceName, CsvRecord record, Dictionary<string, int> columnIndex)
    {
        string Field(string column) => columnIndex.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index] : string.Empty;

        string Required(string column)
        {
            var value = Field(column);
            return string.IsNullOrWhiteSpace(value)
                ? throw Error(sourceName, record.Line, $"column '{column}' is empty")
                : value;
        }

        var id = Field("id");
        var match = IdPattern().Match(id);
        if (!match.Success)
        {
            throw Error(sourceName, record.Line, $"'{id}' is not a requirement id (expected DUI-<INS|CDA|DMP|MES|MSS|ANN|PSC|SEC>-<two digits>, e.g. DUI-CDA-01)");
        }

        var theme = Field("theme");
        if (!string.Equals(theme, match.Groups["theme"].Value, StringComparison.Ordinal))
        {
            throw Error(sourceName, record.Line, $"theme '{theme}' does not match the id '{id}' (expected '{match.Groups["theme"].Value}')");
        }

        if (!RequirementLevelExtensions.TryParseWireName(Field("level"), out var level))
        {
            throw Error(sourceName, record.Line, $"level '{Field("level")}' is not SHALL, SHOULD or MAY");
        }

        if (!RequirementVerificationExtensions.TryParseWireName(Field("verification"), out var verification))
        {
            throw Error(sourceName, record.Line, $"verification '{Field("verification")}' is not automated, manual or not-tested");
        }

        var notTestedReason = Field("not_tested_reason");
        if (verification == RequirementVerification.NotTested && string.IsNullOrWhiteSpace(notTestedReason))
        {
            throw Error(sourceName, record.Line, "verification is not-tested but not_tested_reason is empty: say why");
        }

        if (verification == RequirementVerification.Automated && !string.IsNullOrEmpty(notTestedReason))
        {
            throw Error(sourceName, record.Line, $"not_tested_reason is set but verification is '{verification.ToWireName()}'");
        }

        var appliesTo = Field("applies_to").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknownWord = appliesTo.FirstOrDefault(word => !RequirementApplicability.IsKnown(word));
        if (unknownWord is not null)
        {
            throw Error(sourceName, record.Line, $"applies_to '{unknownWord}' is not one of {string.Join(", ", RequirementApplicability.Words.Keys)}");
        }

        var domainSection = Field("domain_section");

        var officialRef = Field("official_ref");
        return new Requirement(
            id,
            theme,
            level,
            Required("title_fr"),
            Required("title_en"),
            string.IsNullOrWhiteSpace(officialRef) ? null : officialRef,
            Required("source"),
            verification,
            string.IsNullOrEmpty(notTestedReason) ? null : notTestedReason)
        {
            AppliesTo = appliesTo.Length == 0 ? [RequirementApplicability.All] : appliesTo,
            DomainSection = string.IsNullOrWhiteSpace(domainSection) ? null : domainSection,
            File = sourceName,
        };
    }

    private static HarnessException Error(string sourceName, int line, string message) =>
        new(LoadErrorCode, string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {message}"));

    // Note: [0-9] rather than \d, which would also accept non-ASCII digits.
    [GeneratedRegex(@"^DUI-(?<theme>INS|CDA|DMP|MES|MSS|ANN|PSC|SEC)-[0-9]{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();
}

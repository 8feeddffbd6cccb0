using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.Core.Requirements;

/// <summary>
/// The requirement catalogue: every <c>DUI-*</c> requirement a check can verify and an eligibility rule can require,
/// read from <c>profiles/requirements/requirements.csv</c> (UTF-8, RFC 4180, one header row; STYLE.md rule 16).
/// </summary>
/// <remarks>
/// Columns, in any order but all present: <c>id,theme,level,title_fr,title_en,official_ref,source,verification,not_tested_reason</c>.
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

    private readonly Dictionary<string, Requirement> _byId;

    private RequirementCatalogue(string source, IReadOnlyList<Requirement> requirements)
    {
        Source = source;
        All = requirements;
        _byId = requirements.ToDictionary(requirement => requirement.Id, StringComparer.Ordinal);
    }

    /// <summary>The default catalogue file: <c>profiles/requirements/requirements.csv</c>.</summary>
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

    /// <summary>Reads the default catalogue (<see cref="DefaultPath"/>).</summary>
    /// <exception cref="HarnessException">The file is missing or malformed (code <see cref="LoadErrorCode"/>).</exception>
    public static RequirementCatalogue LoadDefault() => Load(DefaultPath);

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

            if (record.Fields.Count != columnIndex.Count)
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
            if (!Columns.Contains(name))
            {
                throw Error(sourceName, header.Line, $"unknown column '{name}'; the columns are: {string.Join(',', Columns)}");
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
        string Field(string column) => record.Fields[columnIndex[column]];

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

        if (verification != RequirementVerification.NotTested && !string.IsNullOrEmpty(notTestedReason))
        {
            throw Error(sourceName, record.Line, $"not_tested_reason is set but verification is '{verification.ToWireName()}'");
        }

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
            string.IsNullOrEmpty(notTestedReason) ? null : notTestedReason);
    }

    private static HarnessException Error(string sourceName, int line, string message) =>
        new(LoadErrorCode, string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {message}"));

    // Note: [0-9] rather than \d, which would also accept non-ASCII digits.
    [GeneratedRegex(@"^DUI-(?<theme>INS|CDA|DMP|MES|MSS|ANN|PSC|SEC)-[0-9]{2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();
}

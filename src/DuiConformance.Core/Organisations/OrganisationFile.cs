using System.Globalization;
using System.Text;
using DuiConformance.Core.Requirements;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DuiConformance.Core.Organisations;

/// <summary>
/// Reads an organisation file (<c>--organisation</c>): the ESSMS of a project with their FINESS, category, sector,
/// region, SONS order and DUI choice, as YAML (<c>.yaml</c>/<c>.yml</c>, project fields plus an <c>essms</c> list) or
/// CSV (<c>.csv</c>, one ESSMS per row). See fixtures/organisations/README.md for the fields.
/// </summary>
/// <remarks>
/// Every faulty line is reported at once, each as <c>file:line: message</c> in French (the user fixes them all in one
/// go): a FINESS number with a bad format or check key, a FINESS listed twice, an unknown field, a value that does not
/// read. A half-read group would give a wrong funding estimate in silence.
/// </remarks>
public static class OrganisationFile
{
    /// <summary>The <see cref="HarnessException.Code"/> of every organisation file error.</summary>
    public const string LoadErrorCode = HarnessCodes.OrganisationFileInvalid;

    /// <summary>The per-ESSMS fields (YAML keys of an <c>essms</c> entry, CSV columns); the first seven are required.</summary>
    public static IReadOnlyList<string> EssmsFields { get; } =
    [
        "finess", "name", "category", "sector", "region", "sons_order", "dui_choice",
        "sons_validated_on", "equipment_requested_eur", "usagers", "anonymous_usagers", "dmp_fed_usagers",
    ];

    /// <summary>The project fields of a YAML file.</summary>
    public static IReadOnlyList<string> ProjectFields { get; } = ["name", "filed_on", "amoa_requested_eur", "essms"];

    private const int RequiredFieldCount = 7;

    /// <summary>Reads a file; the extension decides the format.</summary>
    /// <exception cref="HarnessException">The file cannot be read or has faulty lines (code <see cref="LoadErrorCode"/>).</exception>
    public static Organisation Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new HarnessException(LoadErrorCode, $"{path}: impossible de lire le fichier d'organisation : {exception.Message}", exception);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ParseCsv(text, path),
            ".yaml" or ".yml" => ParseYaml(text, path),
            _ => throw new HarnessException(LoadErrorCode, $"{path}: extension « {extension} » inconnue (attendu .yaml, .yml ou .csv)"),
        };
    }

    /// <summary>Reads CSV text: a header row naming <see cref="EssmsFields"/> columns, then one ESSMS per row.</summary>
    /// <exception cref="HarnessException">Faulty lines (code <see cref="LoadErrorCode"/>).</exception>
    public static Organisation ParseCsv(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var errors = new Errors(sourceName);
        var records = CsvParser.Parse(text);
        if (records.Count == 0)
        {
            throw errors.Fatal(1, $"fichier vide ; attendu une ligne d'en-tête : {string.Join(',', EssmsFields.Take(RequiredFieldCount))}");
        }

        var header = records[0];
        if (header.Error is not null)
        {
            throw errors.Fatal(header.Line, header.Error);
        }

        var unknown = header.Fields.Where(field => !EssmsFields.Contains(field)).ToList();
        var missing = EssmsFields.Take(RequiredFieldCount).Where(field => !header.Fields.Contains(field)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw errors.Fatal(header.Line, (unknown.Count > 0 ? $"colonne(s) inconnue(s) {string.Join(", ", unknown)} ; " : string.Empty)
                + (missing.Count > 0 ? $"colonne(s) manquante(s) {string.Join(", ", missing)} ; " : string.Empty)
                + $"les colonnes sont : {string.Join(',', EssmsFields)}");
        }

        var rows = new List<(int Line, Dictionary<string, string> Values)>();
        foreach (var record in records.Skip(1))
        {
            if (record.Error is not null)
            {
                errors.Add(record.Line, record.Error);
                break;
            }

            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(record.Line, $"{header.Fields.Count} champs attendus, {record.Fields.Count} trouvés (mettez entre guillemets les champs qui contiennent une virgule)");
                continue;
            }

            rows.Add((record.Line, header.Fields.Zip(record.Fields).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)));
        }

        var essms = ReadEssms(rows, errors);
        errors.ThrowIfAny();
        return new Organisation(sourceName, Path.GetFileNameWithoutExtension(sourceName), null, null, essms);
    }

    /// <summary>Reads YAML text: <c>name</c>, optional <c>filed_on</c> and <c>amoa_requested_eur</c>, and the <c>essms</c> list.</summary>
    /// <exception cref="HarnessException">Faulty lines (code <see cref="LoadErrorCode"/>).</exception>
    public static Organisation ParseYaml(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Errors(sourceName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw errors.Fatal((int)exception.Start.Line, $"YAML illisible : {exception.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw errors.Fatal(1, "attendu un objet avec name, filed_on, amoa_requested_eur et essms");
        }

        var project = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (!ProjectFields.Contains(key))
            {
                errors.Add(Line(keyNode), $"champ inconnu « {key} » (champs du projet : {string.Join(", ", ProjectFields)})");
                continue;
            }

            project[key] = valueNode;
        }

        var name = project.TryGetValue("name", out var nameNode) ? Scalar(nameNode) : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(1, "le champ « name » (nom du projet ou du porteur) est absent");
        }

        DateOnly? filedOn = null;
        if (project.TryGetValue("filed_on", out var filedNode))
        {
            filedOn = ReadDate(Scalar(filedNode), "filed_on", Line(filedNode), errors);
        }

        decimal? amoa = null;
        if (project.TryGetValue("amoa_requested_eur", out var amoaNode))
        {
            amoa = ReadAmount(Scalar(amoaNode), "amoa_requested_eur", Line(amoaNode), errors);
        }

        var rows = new List<(int Line, Dictionary<string, string> Values)>();
        if (!project.TryGetValue("essms", out var essmsNode) || essmsNode is not YamlSequenceNode list)
        {
            errors.Add(1, "la liste « essms » est absente");
        }
        else
        {
            foreach (var item in list)
            {
                if (item is not YamlMappingNode entry)
                {
                    errors.Add(Line(item), "chaque entrée de « essms » doit être un objet (finess, name, category…)");
                    continue;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (keyNode, valueNode) in entry.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    if (!EssmsFields.Contains(key))
                    {
                        errors.Add(Line(keyNode), $"champ inconnu « {key} » (champs d'un ESSMS : {string.Join(", ", EssmsFields)})");
                        continue;
                    }

                    values[key] = Scalar(valueNode) ?? string.Empty;
                }

                rows.Add((Line(entry), values));
            }
        }

        var essms = ReadEssms(rows, errors);
        errors.ThrowIfAny();
        return new Organisation(sourceName, name!, filedOn, amoa, essms);
    }

    private static List<Essms> ReadEssms(List<(int Line, Dictionary<string, string> Values)> rows, Errors errors)
    {
        var essms = new List<Essms>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, values) in rows)
        {
            string Value(string field) => values.TryGetValue(field, out var value) ? value.Trim() : string.Empty;

            var before = errors.Count;
            foreach (var field in EssmsFields.Take(RequiredFieldCount).Where(field => Value(field).Length == 0 && field != "finess"))
            {
                errors.Add(line, $"le champ « {field} » est vide");
            }

            if (!FinessNumber.TryParse(Value("finess"), out var finess, out var finessError))
            {
                errors.Add(line, finessError!);
            }
            else if (!firstLineOf.TryAdd(finess!.Value, line))
            {
                errors.Add(line, $"le FINESS {finess.Value} figure déjà ligne {firstLineOf[finess.Value].ToString(CultureInfo.InvariantCulture)} (un ESSMS ne compte qu'une fois)");
            }

            var sector = Value("sector").ToLowerInvariant();
            if (sector.Length > 0 && !Organisation.Sectors.Contains(sector))
            {
                errors.Add(line, $"secteur « {sector} » inconnu (attendu {string.Join(", ", Organisation.Sectors)})");
            }

            var choice = Value("dui_choice").ToLowerInvariant();
            if (choice.Length > 0 && !Organisation.DuiChoices.Contains(choice))
            {
                errors.Add(line, $"choix de DUI « {choice} » inconnu (attendu {string.Join(" ou ", Organisation.DuiChoices)})");
            }

            var sonsText = Value("sons_order").ToLowerInvariant();
            var sonsOrder = sonsText is "true" or "oui" or "yes";
            if (sonsText.Length > 0 && !sonsOrder && sonsText is not ("false" or "non" or "no"))
            {
                errors.Add(line, $"sons_order « {sonsText} » : attendu oui/non (true/false)");
            }

            var validatedOn = ReadDate(Value("sons_validated_on"), "sons_validated_on", line, errors);
            if (validatedOn is not null && !sonsOrder)
            {
                errors.Add(line, "sons_validated_on est renseigné alors que sons_order est non");
            }

            var equipment = ReadAmount(Value("equipment_requested_eur"), "equipment_requested_eur", line, errors);
            var usagers = ReadCount(Value("usagers"), "usagers", line, errors);
            var anonymous = ReadCount(Value("anonymous_usagers"), "anonymous_usagers", line, errors);
            var fed = ReadCount(Value("dmp_fed_usagers"), "dmp_fed_usagers", line, errors);
            if (usagers is not null && anonymous > usagers)
            {
                errors.Add(line, "anonymous_usagers dépasse usagers");
            }

            if (errors.Count == before)
            {
                essms.Add(new Essms(line, finess!, Value("name"), Value("category"), sector, Value("region"), sonsOrder, validatedOn, choice, equipment, usagers, anonymous, fed));
            }
        }

        if (rows.Count == 0)
        {
            errors.Add(1, "aucun ESSMS n'est listé");
        }

        return essms;
    }

    private static DateOnly? ReadDate(string? text, string field, int line, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(line, $"{field} « {text} » n'est pas une date AAAA-MM-JJ");
        return null;
    }

    private static decimal? ReadAmount(string? text, string field, int line, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return amount;
        }

        errors.Add(line, $"{field} « {text} » n'est pas un montant en euros (chiffres, point décimal)");
        return null;
    }

    private static int? ReadCount(string? text, string field, int line, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add(line, $"{field} « {text} » n'est pas un nombre entier positif");
        return null;
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>Collects every faulty line so the user sees them all at once.</summary>
    private sealed class Errors(string sourceName)
    {
        private readonly List<string> _messages = [];

        public int Count => _messages.Count;

        public void Add(int line, string message) => _messages.Add(string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {message}"));

        public HarnessException Fatal(int line, string message)
        {
            Add(line, message);
            return new HarnessException(LoadErrorCode, string.Join("\n", _messages));
        }

        public void ThrowIfAny()
        {
            if (_messages.Count > 0)
            {
                throw new HarnessException(LoadErrorCode, string.Join("\n", _messages));
            }
        }
    }
}

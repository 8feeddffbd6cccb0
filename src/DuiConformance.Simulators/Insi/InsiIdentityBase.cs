using System.Globalization;
using DuiConformance.Core.Checks.Ins;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// The people the simulated INSi knows, and the look-up by traits that decides its answer: one match is <c>00</c>,
/// none is <c>01</c>, several are <c>02</c> (domain.md §2.2).
/// </summary>
public sealed class InsiIdentityBase
{
    private static readonly string[] InsOids = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    /// <summary>Wraps a list of identities (tests build one in memory).</summary>
    public InsiIdentityBase(IReadOnlyList<InsiIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        Identities = identities;
    }

    /// <summary>Every person, in file-name order.</summary>
    public IReadOnlyList<InsiIdentity> Identities { get; }

    /// <summary>
    /// The people whose birth name, sex and birth date equal the request's, whose given names include the request's
    /// given name, and, when the request gives one, whose birth place is the request's. Comparisons ignore case.
    /// </summary>
    public IReadOnlyList<InsiIdentity> Find(InsiTraits traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return [.. Identities.Where(identity =>
            string.Equals(identity.BirthName, traits.BirthName.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(identity.Sex, traits.Sex.Trim(), StringComparison.OrdinalIgnoreCase)
            && identity.BirthDate == traits.BirthDate
            && identity.GivenNames.Contains(traits.GivenName.Trim(), StringComparer.OrdinalIgnoreCase)
            && (string.IsNullOrWhiteSpace(traits.BirthPlace) || string.Equals(identity.BirthPlace, traits.BirthPlace.Trim(), StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>
    /// The same people with test OIDs: INS-NIR <c>.8</c> becomes <c>.10</c> and INS-NIA <c>.9</c> becomes <c>.11</c>, for a
    /// run in test mode (<c>run --ins-mode test</c>, domain.md §2.3, §10).
    /// </summary>
    public InsiIdentityBase WithTestOids() =>
        new([.. Identities.Select(identity => identity with { Ins = TestOid(identity.Ins), History = [.. identity.History.Select(TestOid)] })]);

    private static InsiIns TestOid(InsiIns ins) => ins.Oid switch
    {
        "1.2.250.1.213.1.4.8" => ins with { Oid = "1.2.250.1.213.1.4.10" },
        "1.2.250.1.213.1.4.9" => ins with { Oid = "1.2.250.1.213.1.4.11" },
        _ => ins,
    };

    /// <summary>Reads every <c>*.yaml</c> of <paramref name="directory"/>, in file-name order.</summary>
    /// <exception cref="InvalidDataException">A file is malformed or a matricule has a wrong key; the message names the file.</exception>
    public static InsiIdentityBase Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new InvalidDataException($"INSi identity base: folder '{directory}' not found.");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).WithDuplicateKeyChecking().Build();
        var identities = new List<InsiIdentity>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            IdentityYaml? yaml;
            try
            {
                yaml = deserializer.Deserialize<IdentityYaml?>(File.ReadAllText(path));
            }
            catch (YamlException exception)
            {
                throw new InvalidDataException($"INSi identity base: {name}: {exception.Message}", exception);
            }

            identities.Add(ToIdentity(yaml ?? throw new InvalidDataException($"INSi identity base: {name} is empty."), name));
        }

        return new InsiIdentityBase(identities);
    }

    private static InsiIdentity ToIdentity(IdentityYaml yaml, string name)
    {
        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"INSi identity base: {name}: '{field}' is required.") : value.Trim();

        var sex = Required(yaml.Sex, "sex");
        if (sex is not ("M" or "F"))
        {
            throw new InvalidDataException($"INSi identity base: {name}: sex must be M or F.");
        }

        if (!DateOnly.TryParseExact(Required(yaml.BirthDate, "birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            throw new InvalidDataException($"INSi identity base: {name}: birthDate must be yyyy-MM-dd.");
        }

        var givenNames = (yaml.GivenNames ?? []).Select(given => given.Trim()).Where(given => given.Length > 0).ToList();
        if (givenNames.Count == 0)
        {
            throw new InvalidDataException($"INSi identity base: {name}: 'givenNames' needs at least one given name.");
        }

        return new InsiIdentity(
            Required(yaml.BirthName, "birthName"),
            givenNames,
            sex,
            birthDate,
            Required(yaml.BirthPlace, "birthPlace"),
            Ins(yaml.Ins, yaml.Oid, name),
            [.. (yaml.History ?? []).Select(entry => Ins(entry.Ins, entry.Oid, name))],
            name);
    }

    private static InsiIns Ins(string? matricule, string? oid, string name)
    {
        if (InsMatricule.Validate(matricule) is { } problem)
        {
            throw new InvalidDataException($"INSi identity base: {name}: matricule '{matricule}': {problem}.");
        }

        if (!InsOids.Contains(oid, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"INSi identity base: {name}: '{oid}' is not an INS OID (1.2.250.1.213.1.4.8 to .11).");
        }

        return new InsiIns(matricule!, oid!);
    }

    private sealed class IdentityYaml
    {
        public string? BirthName { get; set; }

        public List<string>? GivenNames { get; set; }

        public string? Sex { get; set; }

        public string? BirthDate { get; set; }

        public string? BirthPlace { get; set; }

        public string? Ins { get; set; }

        public string? Oid { get; set; }

        public List<HistoryYaml>? History { get; set; }
    }

    private sealed class HistoryYaml
    {
        public string? Ins { get; set; }

        public string? Oid { get; set; }
    }
}

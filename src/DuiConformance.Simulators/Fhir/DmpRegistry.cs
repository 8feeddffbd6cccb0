using System.Globalization;
using DuiConformance.Core;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The DMP status of each INS the simulated DMP knows (PDSm4DMP TD0.2, domain.md §3.4): every INS has an active DMP
/// unless listed otherwise. The default list is <c>fixtures/dmp/registry.csv</c> (<c>ins,status</c>; status one of
/// <c>active</c>, <c>closed</c>, <c>absent</c>, <c>opposed</c>; <c>#</c> starts a comment line).
/// </summary>
public sealed class DmpRegistry
{
    private readonly Dictionary<string, DmpStatus> _statuses;

    /// <summary>A registry with the given exceptions to "active"; keys are INS matricules (15 characters).</summary>
    public DmpRegistry(IReadOnlyDictionary<string, DmpStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        _statuses = new Dictionary<string, DmpStatus>(statuses, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every INS has an active DMP.</summary>
    public static DmpRegistry AllActive { get; } = new(new Dictionary<string, DmpStatus>());

    /// <summary>The INS listed with a status other than the default.</summary>
    public IReadOnlyDictionary<string, DmpStatus> Exceptions => _statuses;

    /// <summary>The DMP status of <paramref name="ins"/> (the matricule, whatever its OID).</summary>
    public DmpStatus StatusOf(string ins)
    {
        ArgumentNullException.ThrowIfNull(ins);
        return _statuses.TryGetValue(ins.Trim(), out var status) ? status : DmpStatus.Active;
    }

    /// <summary>The registry of <c>fixtures/dmp/registry.csv</c>, or <see cref="AllActive"/> when the file is absent.</summary>
    /// <exception cref="HarnessException">The file is malformed (<see cref="HarnessCodes.DmpRegistryInvalid"/>).</exception>
    public static DmpRegistry LoadDefault()
    {
        var path = RepositoryLayout.Fixture("dmp", "registry.csv");
        return File.Exists(path) ? Load(path) : AllActive;
    }

    /// <summary>Reads a registry file (<c>ins,status</c> per line, a header line <c>ins,status</c> allowed).</summary>
    /// <exception cref="HarnessException">A line is malformed or an INS is listed twice (<see cref="HarnessCodes.DmpRegistryInvalid"/>).</exception>
    public static DmpRegistry Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var statuses = new Dictionary<string, DmpStatus>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.Equals("ins,status", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 2 || fields[0].Trim().Length != 15 || !TryParseStatus(fields[1].Trim(), out var status))
            {
                throw Invalid(path, number, $"« {line} » n'est pas une ligne ins,statut (statut : active, closed, absent ou opposed)");
            }

            if (!statuses.TryAdd(fields[0].Trim(), status))
            {
                throw Invalid(path, number, $"l'INS {fields[0].Trim()} est déjà listé");
            }
        }

        return new DmpRegistry(statuses);
    }

    private static bool TryParseStatus(string text, out DmpStatus status)
    {
        status = text switch
        {
            "active" => DmpStatus.Active,
            "closed" => DmpStatus.Closed,
            "absent" => DmpStatus.Absent,
            "opposed" => DmpStatus.Opposed,
            _ => (DmpStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    private static HarnessException Invalid(string path, int line, string detail) =>
        new(HarnessCodes.DmpRegistryInvalid, string.Create(CultureInfo.InvariantCulture, $"Registre DMP {path}, ligne {line} : {detail}."));
}

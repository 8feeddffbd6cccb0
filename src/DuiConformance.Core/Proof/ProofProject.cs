using DuiConformance.Core.Organisations;

namespace DuiConformance.Core.Proof;

/// <summary>
/// A project CSV of the expected ESSMS, as a GRADeS keeps it: a header line with a <c>finess</c> column and optionally
/// a <c>bundle</c> column (the bundle's path, relative to the CSV); other columns are kept for people and ignored.
/// Separator <c>;</c> or <c>,</c> (taken from the header line); double quotes as in RFC 4180 on a single line.
/// </summary>
public sealed class ProofProject
{
    private ProofProject(string source, IReadOnlyList<ProofProjectEssms> essms)
    {
        Source = source;
        Essms = essms;
    }

    /// <summary>The CSV path.</summary>
    public string Source { get; }

    /// <summary>The expected ESSMS in file order.</summary>
    public IReadOnlyList<ProofProjectEssms> Essms { get; }

    /// <summary>The expected FINESS numbers.</summary>
    public IReadOnlySet<string> Finess => Essms.Select(essms => essms.Finess).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads a project CSV.</summary>
    /// <exception cref="InvalidDataException">The file has no <c>finess</c> column, a FINESS is invalid or repeated; the message names the line.</exception>
    public static ProofProject Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path} : fichier vide (une ligne d'en-tête avec une colonne « finess » est attendue)");
        }

        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = Split(lines[0], separator, path, 1).Select(name => name.Trim().ToLowerInvariant()).ToList();
        var finessColumn = header.IndexOf("finess");
        if (finessColumn < 0)
        {
            throw new InvalidDataException($"{path}:1 : pas de colonne « finess » dans l'en-tête ({string.Join(separator, header)})");
        }

        var bundleColumn = header.IndexOf("bundle");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var essms = new List<ProofProjectEssms>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 1; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var fields = Split(lines[index], separator, path, lineNumber);
            var finess = finessColumn < fields.Count ? fields[finessColumn].Trim() : string.Empty;
            if (FinessValidator.Validate(finess) is { } error)
            {
                throw new InvalidDataException($"{path}:{lineNumber} : {error}");
            }

            if (!seen.TryAdd(finess, lineNumber))
            {
                throw new InvalidDataException($"{path}:{lineNumber} : le FINESS {finess} figure déjà ligne {seen[finess]}");
            }

            var bundle = bundleColumn >= 0 && bundleColumn < fields.Count && fields[bundleColumn].Trim().Length > 0
                ? Path.GetFullPath(Path.Combine(directory, fields[bundleColumn].Trim()))
                : null;
            essms.Add(new ProofProjectEssms(finess, bundle, lineNumber));
        }

        return new ProofProject(path, essms);
    }

    private static List<string> Split(string line, char separator, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{path}:{lineNumber} : guillemet ouvert non refermé");
        }

        fields.Add(field.ToString());
        return fields;
    }
}

using System.Globalization;

namespace DuiConformance.Scenarios.Yaml;

/// <summary>
/// A declarative file (scenario, UI map, fixture) is malformed. The message names the file, the line and the column,
/// so the author can fix it without reading code.
/// </summary>
public sealed class YamlFormatException : Exception
{
    /// <summary>Creates the exception for a position in a file.</summary>
    public YamlFormatException(string file, long line, long column, string message)
        : base(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {message}"))
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>1-based line of the faulty node.</summary>
    public long Line { get; }

    /// <summary>1-based column of the faulty node.</summary>
    public long Column { get; }
}

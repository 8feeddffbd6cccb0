using System.Text;

namespace DuiConformance.Core.Requirements;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line breaks and doubled
/// quotes. Records end with CRLF or LF; blank lines are skipped. Structural errors end the parse with an error record.
/// </summary>
internal static class CsvParser
{
    /// <summary>
    /// Reads every record. When the text is malformed the last record carries <see cref="CsvRecord.Error"/> and the
    /// line of the problem, and nothing after it is read.
    /// </summary>
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var field = new StringBuilder();
        var index = 0;
        var line = 1;
        while (index < text.Length)
        {
            if (IsLineBreakAt(text, index, out var breakLength))
            {
                // Note: a blank line is not a record (RFC 4180 has none; editors add one at the end).
                index += breakLength;
                line++;
                continue;
            }

            var recordLine = line;
            var fields = new List<string>();
            while (true)
            {
                if (index < text.Length && text[index] == '"')
                {
                    var quoteLine = line;
                    index++;
                    while (true)
                    {
                        if (index >= text.Length)
                        {
                            records.Add(new CsvRecord(quoteLine, fields, "a quoted field is not closed (missing '\"')"));
                            return records;
                        }

                        var c = text[index];
                        if (c == '"')
                        {
                            if (index + 1 < text.Length && text[index + 1] == '"')
                            {
                                field.Append('"');
                                index += 2;
                                continue;
                            }

                            index++;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        index++;
                    }

                    if (index < text.Length && text[index] != ',' && !IsLineBreakAt(text, index, out _))
                    {
                        records.Add(new CsvRecord(line, fields, $"unexpected character '{text[index]}' after a closing quote (RFC 4180 §2.7: double the quote inside a quoted field)"));
                        return records;
                    }
                }
                else
                {
                    while (index < text.Length && text[index] != ',' && !IsLineBreakAt(text, index, out _))
                    {
                        if (text[index] == '"')
                        {
                            records.Add(new CsvRecord(line, fields, "a quote inside an unquoted field (RFC 4180 §2.5: quote the whole field)"));
                            return records;
                        }

                        field.Append(text[index]);
                        index++;
                    }
                }

                fields.Add(field.ToString());
                field.Clear();
                if (index < text.Length && text[index] == ',')
                {
                    index++;
                    continue;
                }

                if (IsLineBreakAt(text, index, out breakLength))
                {
                    index += breakLength;
                    line++;
                }

                break;
            }

            records.Add(new CsvRecord(recordLine, fields));
        }

        return records;
    }

    private static bool IsLineBreakAt(string text, int index, out int length)
    {
        length = 0;
        if (index >= text.Length)
        {
            return false;
        }

        if (text[index] == '\n')
        {
            length = 1;
        }
        else if (text[index] == '\r')
        {
            length = index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
        }

        return length > 0;
    }
}

using System.Globalization;
using System.Xml.Linq;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// Translates a schematron into an XSLT 3.0 stylesheet that writes SVRL, following the ISO skeleton's design (one
/// mode per active pattern, one template per rule with descending priority so the first matching rule wins, lets as
/// variables, pattern lets global). Used to run the same rules under Saxon for comparison (benchmark, cross-checks).
/// </summary>
public static class SchematronXslt
{
    private static readonly XNamespace Xsl = "http://www.w3.org/1999/XSL/Transform";
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";
    private static readonly XNamespace Sch = SchematronLoader.Sch;

    /// <summary>The stylesheet for <paramref name="path"/> in <paramref name="phase"/> (as <see cref="SchematronSchema.Load"/>).</summary>
    /// <exception cref="HarnessException">HARNESS-9301 when the schematron is unusable.</exception>
    public static XDocument Generate(string path, string? phase = null)
    {
        var fullPath = Path.GetFullPath(path);
        var root = SchematronLoader.ReadFile(fullPath).Root ?? throw SchematronLoader.Invalid(fullPath, "document vide");
        SchematronLoader.ExpandIncludes(root, Path.GetDirectoryName(fullPath)!, 0);
        var (phaseId, active, phaseLets) = SchematronLoader.SelectPhase(root, phase, fullPath);

        var abstractPatterns = root.Descendants(Sch + "pattern")
            .Where(p => (string?)p.Attribute("abstract") == "true" && p.Attribute("id") is not null)
            .GroupBy(p => (string)p.Attribute("id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var abstractRules = root.Descendants(Sch + "rule")
            .Where(r => (string?)r.Attribute("abstract") == "true" && r.Attribute("id") is not null)
            .GroupBy(r => (string)r.Attribute("id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Note: xml:base makes document()/doc() resolve against the schematron's folder, as a compiled skeleton beside it would.
        var stylesheet = new XElement(
            Xsl + "stylesheet",
            new XAttribute("version", "3.0"),
            new XAttribute(XNamespace.Xmlns + "xsl", Xsl.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "svrl", Svrl.NamespaceName),
            new XAttribute(XNamespace.Xml + "base", new Uri(Path.GetDirectoryName(fullPath)! + Path.DirectorySeparatorChar).AbsoluteUri),
            new XElement(Xsl + "output", new XAttribute("method", "xml"), new XAttribute("indent", "no")));
        foreach (var ns in root.Elements(Sch + "ns"))
        {
            stylesheet.Add(new XAttribute(XNamespace.Xmlns + (string)ns.Attribute("prefix")!, (string)ns.Attribute("uri")!));
        }

        foreach (var let in root.Elements(Sch + "let").Concat(phaseLets))
        {
            stylesheet.Add(Variable(let));
        }

        var patterns = new List<(string Id, XElement Source, Dictionary<string, string> Parameters)>();
        foreach (var pattern in root.Descendants(Sch + "pattern").Where(p => (string?)p.Attribute("abstract") != "true"))
        {
            var id = (string?)pattern.Attribute("id") ?? string.Create(CultureInfo.InvariantCulture, $"pattern-{patterns.Count + 1}");
            if (active is not null && !active.Contains(id))
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var source = pattern;
            if ((string?)pattern.Attribute("is-a") is { } isA)
            {
                source = abstractPatterns[isA];
                foreach (var param in pattern.Elements(Sch + "param"))
                {
                    parameters[(string)param.Attribute("name")!] = (string?)param.Attribute("value") ?? string.Empty;
                }
            }

            patterns.Add((id, source, parameters));
            foreach (var let in source.Elements(Sch + "let"))
            {
                stylesheet.Add(Variable(SchematronLoader.Substitute(let, parameters)));
            }
        }

        var output = new XElement(Svrl + "schematron-output", new XAttribute("phase", phaseId));
        for (var i = 0; i < patterns.Count; i++)
        {
            output.Add(new XElement(Svrl + "active-pattern", new XAttribute("id", patterns[i].Id)));
            output.Add(new XElement(Xsl + "apply-templates", new XAttribute("select", "/"), new XAttribute("mode", Mode(i))));
        }

        stylesheet.Add(new XElement(Xsl + "template", new XAttribute("match", "/"), output));
        for (var i = 0; i < patterns.Count; i++)
        {
            var (id, source, parameters) = patterns[i];
            var rules = source.Elements(Sch + "rule").Where(r => (string?)r.Attribute("abstract") != "true").Select(r => SchematronLoader.Substitute(r, parameters)).ToList();
            for (var j = 0; j < rules.Count; j++)
            {
                stylesheet.Add(Template(rules[j], Mode(i), 1000 + rules.Count - j, abstractRules, parameters, id));
            }

            stylesheet.Add(new XElement(Xsl + "template", new XAttribute("match", "text()"), new XAttribute("priority", "-1"), new XAttribute("mode", Mode(i))));
            stylesheet.Add(new XElement(
                Xsl + "template",
                new XAttribute("match", "@*|node()"),
                new XAttribute("priority", "-2"),
                new XAttribute("mode", Mode(i)),
                new XElement(Xsl + "apply-templates", new XAttribute("select", "@*|*"), new XAttribute("mode", Mode(i)))));
        }

        return new XDocument(stylesheet);
    }

    private static string Mode(int index) => string.Create(CultureInfo.InvariantCulture, $"M{index}");

    private static XElement Variable(XElement let) =>
        new(Xsl + "variable", new XAttribute("name", (string)let.Attribute("name")!), new XAttribute("select", (string?)let.Attribute("value") ?? "()"));

    private static XElement Template(XElement rule, string mode, int priority, IReadOnlyDictionary<string, XElement> abstractRules, IReadOnlyDictionary<string, string> parameters, string patternId)
    {
        var context = ((string)rule.Attribute("context")!).Trim();
        var template = new XElement(
            Xsl + "template",
            new XAttribute("match", context),
            new XAttribute("priority", priority),
            new XAttribute("mode", mode),
            new XElement(Svrl + "fired-rule", new XAttribute("context", context)));
        AddBody(template, rule, abstractRules, parameters, patternId, 0);
        template.Add(new XElement(Xsl + "apply-templates", new XAttribute("select", "@*|*"), new XAttribute("mode", mode)));
        return template;
    }

    private static void AddBody(XElement template, XElement rule, IReadOnlyDictionary<string, XElement> abstractRules, IReadOnlyDictionary<string, string> parameters, string patternId, int depth)
    {
        foreach (var child in rule.Elements())
        {
            if (child.Name == Sch + "let")
            {
                template.Add(Variable(child));
            }
            else if (child.Name == Sch + "extends" && depth < 32 && abstractRules.TryGetValue((string?)child.Attribute("rule") ?? string.Empty, out var target))
            {
                AddBody(template, SchematronLoader.Substitute(target, parameters), abstractRules, parameters, patternId, depth + 1);
            }
            else if (child.Name == Sch + "assert" || child.Name == Sch + "report")
            {
                var isReport = child.Name == Sch + "report";
                var test = ((string)child.Attribute("test")!).Trim();
                var result = new XElement(
                    Svrl + (isReport ? "successful-report" : "failed-assert"),
                    new XAttribute("test", test),
                    new XAttribute("pattern", patternId),
                    new XElement(Xsl + "attribute", new XAttribute("name", "location"), new XAttribute("select", "path()")),
                    new XElement(Svrl + "text", child.Nodes().Select(Message)));
                if ((string?)child.Attribute("id") is { } id)
                {
                    result.Add(new XAttribute("id", id));
                }

                if ((string?)child.Attribute("role") is { } role)
                {
                    result.Add(new XAttribute("role", role));
                }

                template.Add(isReport
                    ? new XElement(Xsl + "if", new XAttribute("test", test), result)
                    : new XElement(Xsl + "if", new XAttribute("test", $"not({test})"), result));
            }
        }
    }

    private static object? Message(XNode node) => node switch
    {
        XText text => new XElement(Xsl + "text", text.Value),
        XElement e when e.Name == Sch + "value-of" => new XElement(Xsl + "value-of", new XAttribute("select", (string?)e.Attribute("select") ?? ".")),
        XElement e when e.Name == Sch + "name" => new XElement(Xsl + "value-of", new XAttribute("select", $"name({(string?)e.Attribute("path") ?? "."})")),
        XElement e => e.Nodes().Select(Message).ToList(),
        _ => null,
    };
}

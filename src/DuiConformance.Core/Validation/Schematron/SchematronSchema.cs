using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Wmhelp.XPath2;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// An ISO Schematron (queryBinding xslt2) compiled once, in-process, with XPath 2.0: load it with <see cref="Load"/>
/// and run it over as many documents as needed with <see cref="Validate(XDocument)"/>. Evaluation follows the SVRL
/// semantics of the ISO skeleton and ph-schematron: for each active pattern, each node is handled by the first rule
/// whose context matches it; lets are evaluated schema, then pattern (global, as the ISO skeleton does), then rule level; document() reads files relative
/// to the schematron's folder, cached for the schema's lifetime. Validation is serialised per schema (the compiled
/// XPath2 expressions keep their binding state), so share one instance per thread for parallel runs.
/// </summary>
public sealed class SchematronSchema
{
    private readonly IReadOnlyList<SchematronLet> _lets;
    private readonly IReadOnlyList<SchematronPattern> _patterns;
    private readonly SchematronDocumentCache _documents;
    private readonly Lock _gate = new();

    internal SchematronSchema(string path, string? title, string phase, IReadOnlyList<SchematronLet> lets, IReadOnlyList<SchematronPattern> patterns, XmlNamespaceManager namespaces)
    {
        Path = path;
        Title = title;
        Phase = phase;
        _lets = lets;
        _patterns = patterns;
        Namespaces = namespaces;
        _documents = new SchematronDocumentCache(System.IO.Path.GetDirectoryName(path)!);
    }

    /// <summary>Full path of the main schematron file.</summary>
    public string Path { get; }

    /// <summary>The schema's <c>title</c>, if any.</summary>
    public string? Title { get; }

    /// <summary>The phase in force: the one asked for, else the schema's defaultPhase, else <c>#ALL</c>.</summary>
    public string Phase { get; }

    /// <summary>Ids of the active patterns, in the order they run.</summary>
    public IReadOnlyList<string> ActivePatterns => _patterns.Select(p => p.Id).ToList();

    /// <summary>Number of concrete rules in the active patterns.</summary>
    public int RuleCount => _patterns.Sum(p => p.Rules.Count);

    /// <summary>Number of asserts and reports in the active patterns (abstract rules counted where they are extended).</summary>
    public int AssertionCount => _patterns.Sum(p => p.Rules.Sum(r => r.Assertions.Count));

    /// <summary>Look-up documents (document()/doc()) that could not be read so far.</summary>
    public IReadOnlyCollection<string> MissingDocuments => _documents.Missing;

    internal XmlNamespaceManager Namespaces { get; }

    /// <summary>
    /// Loads and compiles the schematron at <paramref name="path"/> with its includes, in <paramref name="phase"/>
    /// (<c>null</c> or <c>#DEFAULT</c> for the schema's defaultPhase, <c>#ALL</c> for every pattern).
    /// </summary>
    /// <exception cref="HarnessException">HARNESS-9301 when the file, an include or an expression is unusable.</exception>
    public static SchematronSchema Load(string path, string? phase = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SchematronFunctions.EnsureRegistered();
        return SchematronLoader.Load(path, phase);
    }

    /// <summary>Runs the schematron over <paramref name="document"/> (load it with line information for line:column).</summary>
    /// <remarks>
    /// Note: evaluated over an <see cref="XPathDocument"/> copy (read through <c>XDocument.CreateReader()</c>, which
    /// keeps line information): XPath2's descendant steps run about three times faster on it than on an XDocument.
    /// </remarks>
    public SchematronReport Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var reader = document.CreateReader();
        return Validate(new XPathDocument(reader).CreateNavigator());
    }

    /// <summary>
    /// Runs the schematron over the document <paramref name="document"/> belongs to (an <see cref="XPathDocument"/> read with
    /// line information is the fastest input, see <see cref="Documents.SafeXml.TryLoadNavigable"/>).
    /// </summary>
    public SchematronReport Validate(XPathNavigator document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            var previous = SchematronFunctions.Scope;
            var scope = new SchematronFunctions.EvaluationScope(_documents);
            SchematronFunctions.Scope = scope;
            try
            {
                return Run(document, scope);
            }
            finally
            {
                SchematronFunctions.Scope = previous;
            }
        }
    }

    private SchematronReport Run(XPathNavigator document, SchematronFunctions.EvaluationScope scope)
    {
        var root = document.Clone();
        root.MoveToRoot();
        var results = new List<SchematronResult>();
        var errors = new List<string>();
        var fired = 0;

        scope.Current = root;
        var globals = new Dictionary<XmlQualifiedName, object>();
        BindLets(_lets, root, globals, errors);

        // Note: the ISO skeleton (and ph-schematron) turn pattern-level lets into global variables, and the CI-SIS
        // schematrons rely on it: a "variables" pattern declares the value-set paths that other patterns read.
        foreach (var pattern in _patterns)
        {
            BindLets(pattern.Lets, root, globals, errors);
        }

        foreach (var pattern in _patterns)
        {
            scope.Current = root;
            var patternVariables = globals;
            var handled = new HashSet<object>();

            foreach (var rule in pattern.Rules)
            {
                var matched = Evaluate(rule.Match, root, patternVariables, errors, rule.Context);
                if (matched is not XPath2NodeIterator nodes)
                {
                    continue;
                }

                foreach (var item in nodes.Clone())
                {
                    if (item is not XPathNavigator node || !handled.Add(Identity(node)))
                    {
                        continue;
                    }

                    fired++;
                    var contextNode = node.Clone();
                    scope.Current = contextNode;
                    var variables = rule.Lets.Count == 0 ? patternVariables : new Dictionary<XmlQualifiedName, object>(patternVariables);
                    BindLets(rule.Lets, contextNode, variables, errors);
                    foreach (var assertion in rule.Assertions)
                    {
                        var value = Evaluate(assertion.Test, contextNode, variables, errors, assertion.TestText);
                        if (value is null)
                        {
                            continue;
                        }

                        var truth = EffectiveBoolean(value);
                        if (truth == assertion.IsReport)
                        {
                            results.Add(Result(pattern, rule, assertion, contextNode, variables, errors));
                        }
                    }
                }
            }
        }

        return new SchematronReport(Phase, results, fired, errors);
    }

    private static SchematronResult Result(
        SchematronPattern pattern,
        SchematronRule rule,
        SchematronAssertion assertion,
        XPathNavigator node,
        Dictionary<XmlQualifiedName, object> variables,
        List<string> errors)
    {
        var text = new StringBuilder();
        foreach (var part in assertion.Message)
        {
            if (part.Literal is not null)
            {
                text.Append(part.Literal);
                continue;
            }

            var value = Evaluate(part.Expression!, node, variables, errors, "value-of");
            text.Append(part.IsName ? NameOf(value) : StringOf(value));
        }

        var (line, column) = node is IXmlLineInfo info && info.HasLineInfo()
            ? (info.LineNumber, info.LinePosition)
            : ((int?)null, (int?)null);
        return new SchematronResult(
            assertion.IsReport ? SchematronResultKind.SuccessfulReport : SchematronResultKind.FailedAssert,
            pattern.Id,
            rule.Context,
            assertion.Id,
            assertion.Role,
            assertion.TestText,
            SchematronLocation.Of(node),
            NormalizeSpace(text.ToString()),
            line,
            column);
    }

    /// <summary>
    /// A key that is equal for two navigators on the same node: the tree object when the navigator exposes one
    /// (XDocument), else the node kind and its line:column (unique per node in a parsed document), else its path.
    /// </summary>
    private static object Identity(XPathNavigator node)
    {
        if (node.UnderlyingObject is XObject tree)
        {
            return tree;
        }

        if (node is IXmlLineInfo info && info.HasLineInfo())
        {
            return (node.NodeType, info.LineNumber, info.LinePosition, node.LocalName);
        }

        return SchematronLocation.Of(node);
    }

    private static void BindLets(IReadOnlyList<SchematronLet> lets, XPathNavigator context, Dictionary<XmlQualifiedName, object> variables, List<string> errors)
    {
        foreach (var let in lets)
        {
            var value = Evaluate(let.Value, context, variables, errors, "$" + let.Name);
            variables[new XmlQualifiedName(let.Name)] = Materialise(value) ?? Undefined.Value;
        }
    }

    /// <summary>A node sequence is buffered so that a variable can be read many times.</summary>
    private static object? Materialise(object? value) =>
        value is XPath2NodeIterator iterator ? iterator.CreateBufferedIterator() : value;

    private static object? Evaluate(XPath2Expression expression, XPathNavigator context, Dictionary<XmlQualifiedName, object> variables, List<string> errors, string what)
    {
        try
        {
            return expression.Evaluate(new NodeProvider(context), variables);
        }
        catch (Exception exception) when (exception is XPath2Exception or InvalidCastException or FormatException or OverflowException or InvalidOperationException or ArgumentException or XmlException)
        {
            // Note: a dynamic error makes the assertion unjudgeable; it is recorded, never thrown (STYLE.md rule 14).
            if (errors.Count < 100)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{what} sur {SchematronLocation.Of(context)} : {exception.Message}"));
            }

            return null;
        }
    }

    private static bool EffectiveBoolean(object value) => value switch
    {
        bool b => b,
        XPath2NodeIterator iterator => EffectiveBooleanOfSequence(iterator),
        _ => CoreFuncs.BooleanValue(value) is bool b2 && b2,
    };

    private static bool EffectiveBooleanOfSequence(XPath2NodeIterator iterator)
    {
        var copy = iterator.Clone();
        if (!copy.MoveNext())
        {
            return false;
        }

        var first = copy.Current;
        if (first.IsNode)
        {
            return true;
        }

        return CoreFuncs.BooleanValue(first.TypedValue) is bool b && b;
    }

    private static string StringOf(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case XPath2NodeIterator iterator:
                return string.Join(' ', iterator.Clone().Cast<XPathItem>().Select(i => i.Value));
            case XPathItem item:
                return item.Value;
            case double d:
                return XPathNumber(d);
            case float f:
                return XPathNumber(f);
            case bool b:
                return b ? "true" : "false";
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    private static string NameOf(object? value)
    {
        var node = value switch
        {
            XPath2NodeIterator iterator => iterator.Clone().Cast<XPathItem>().OfType<XPathNavigator>().FirstOrDefault(),
            XPathNavigator navigator => navigator,
            _ => null,
        };
        return node?.Name ?? string.Empty;
    }

    private static string XPathNumber(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string NormalizeSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using DuiConformance.Core.Documents;
using Wmhelp.XPath2;
using Wmhelp.XPath2.MS;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// The XSLT functions that queryBinding="xslt2" schematrons use beyond XPath 2.0 (<c>document()</c>, <c>current()</c>),
/// plus <c>doc()</c> resolved against the schematron's folder. XPath2's function table is process-wide, so the
/// functions are registered once and read the per-thread <see cref="Scope"/> set by the evaluator around each run.
/// </summary>
internal static class SchematronFunctions
{
    private static readonly Lock RegistrationGate = new();
    private static bool _registered;

    [ThreadStatic]
    private static EvaluationScope? _scope;

    /// <summary>The scope of the evaluation running on this thread, or <c>null</c> outside one.</summary>
    public static EvaluationScope? Scope
    {
        get => _scope;
        set => _scope = value;
    }

    /// <summary>Adds document(), doc() and current() to XPath2's function table, once per process.</summary>
    public static void EnsureRegistered()
    {
        lock (RegistrationGate)
        {
            if (_registered)
            {
                return;
            }

            var table = FunctionTable.Inst;
            // Note: XSLT 2.0 §16.1 document() and XPath F&O §15.5.4 doc(); both resolve a relative URI against the base
            // URI of the stylesheet, which for a schematron compiled to XSLT is the main schematron file's folder.
            table.Add(XmlReservedNs.NsXQueryFunc, "document", 1, XPath2ResultType.Navigator, (_, _, args) => LoadDocument(args[0]), true);
            table.Add(XmlReservedNs.NsXQueryFunc, "doc", 1, XPath2ResultType.Navigator, (_, _, args) => LoadDocument(args[0]), true);
            // Note: XSLT 2.0 §16.6.1 current(): inside an assert test, the node the rule fired on.
            table.Add(XmlReservedNs.NsXQueryFunc, "current", 0, XPath2ResultType.Navigator, (_, _, _) => CurrentNode(), true);
            _registered = true;
        }
    }

    private static object CurrentNode()
    {
        var scope = _scope ?? throw new XPath2Exception("XTDE1360", "current() hors d'une évaluation de schematron");
        return scope.Current?.Clone() ?? throw new XPath2Exception("XTDE1360", "current() sans nœud courant");
    }

    private static object LoadDocument(object argument)
    {
        var scope = _scope ?? throw new XPath2Exception("FODC0002", "document() hors d'une évaluation de schematron");
        var href = argument switch
        {
            XPath2NodeIterator iterator => FirstString(iterator),
            XPathItem item => item.Value,
            _ => Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        var navigator = scope.Documents.Load(href);
        return navigator?.Clone() ?? (object)EmptyIterator.Shared;
    }

    private static string FirstString(XPath2NodeIterator iterator)
    {
        var copy = iterator.Clone();
        return copy.MoveNext() ? copy.Current.Value : string.Empty;
    }

    /// <summary>What the functions need during one evaluation: the look-up documents and the rule's context node.</summary>
    internal sealed class EvaluationScope(SchematronDocumentCache documents)
    {
        public SchematronDocumentCache Documents { get; } = documents;

        public XPathNavigator? Current { get; set; }
    }
}

/// <summary>
/// The documents a schematron looks up with <c>document()</c>/<c>doc()</c> (CI-SIS value sets), read once through
/// <see cref="SafeXml"/> and kept for every later document. A missing or unreadable file gives an empty sequence, as
/// Saxon's <c>document()</c> recovery does, and is remembered in <see cref="Missing"/>.
/// </summary>
internal sealed class SchematronDocumentCache(string baseDirectory)
{
    private readonly ConcurrentDictionary<string, XPathNavigator?> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    /// <summary>Hrefs that could not be read, for the report.</summary>
    public IReadOnlyCollection<string> Missing => _missing.Keys.ToList();

    /// <summary>The root of the document at <paramref name="href"/> (relative to the schematron folder), or <c>null</c>.</summary>
    public XPathNavigator? Load(string href) => _documents.GetOrAdd(href, Read);

    private XPathNavigator? Read(string href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Contains("://", StringComparison.Ordinal))
        {
            // Note: only local files; a schematron never makes the harness fetch anything from the network.
            _missing.TryAdd(href, 0);
            return null;
        }

        var path = SchematronPaths.Resolve(baseDirectory, href);
        if (!File.Exists(path))
        {
            _missing.TryAdd(href, 0);
            return null;
        }

        var document = SafeXml.TryLoad(File.ReadAllBytes(path), out _);
        if (document is null)
        {
            _missing.TryAdd(href, 0);
            return null;
        }

        return document.CreateNavigator();
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// Writes the simulated INSi's answers: a <c>RESULTAT</c> with <c>CR/CodeCR</c> 00 (one person: INSACTIF, INSHISTO and
/// TIQ), 01 (nobody) or 02 (several people), or a SOAP 1.2 fault (domain.md §2.2).
/// </summary>
public static class InsiResponseWriter
{
    /// <summary>The Action of an answer to the look-up by traits.</summary>
    public const string ResponseAction = InsiSoap.SearchByTraitsAction + "Response";

    /// <summary>The CodeCR of an answer to <paramref name="matches"/> people: 00, 01 or 02.</summary>
    public static string CodeCr(int matches) => matches switch
    {
        0 => "01",
        1 => "00",
        _ => "02",
    };

    /// <summary>The result envelope for the people found.</summary>
    public static byte[] Result(InsiRequest request, IReadOnlyList<InsiIdentity> matches, string messageId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(matches);
        var code = CodeCr(matches.Count);
        var label = code switch
        {
            "00" => "OK",
            "01" => "Aucune identité trouvée",
            _ => "Plusieurs identités trouvées",
        };
        XNamespace r = InsiSoap.Resultat;
        var result = new XElement(r + "RESULTAT",
            new XElement(r + "CR", new XElement(r + "CodeCR", code), new XElement(r + "LibelleCR", label)));
        if (matches.Count == 1)
        {
            var person = matches[0];
            result.Add(new XElement(r + "INDIVIDU",
                new XElement(r + "INSACTIF", Ins(r, person.Ins)),
                person.History.Select(old => new XElement(r + "INSHISTO", Ins(r, old))),
                new XElement(r + "TIQ",
                    new XElement(r + "NomNaissance", person.BirthName),
                    new XElement(r + "ListePrenom", string.Join(' ', person.GivenNames)),
                    new XElement(r + "Sexe", person.Sex),
                    new XElement(r + "DateNaissance", person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new XElement(r + "LieuNaissance", person.BirthPlace))));
        }

        return Envelope(ResponseAction, messageId, request.MessageId, result);
    }

    /// <summary>A SOAP 1.2 fault envelope (env:Sender or env:Receiver, our subcode, a French reason).</summary>
    public static byte[] Fault(InsiFault fault, string messageId, string? relatesTo)
    {
        ArgumentNullException.ThrowIfNull(fault);
        XNamespace env = InsiSoap.Envelope;
        var body = new XElement(env + "Fault",
            new XElement(env + "Code",
                new XElement(env + "Value", "env:" + (fault.FromSender ? "Sender" : "Receiver")),
                new XElement(env + "Subcode", new XElement(env + "Value", "insi:" + fault.Subcode))),
            new XElement(env + "Reason", new XElement(env + "Text", new XAttribute(XNamespace.Xml + "lang", "fr"), fault.Reason)));
        return Envelope("http://www.w3.org/2005/08/addressing/soap/fault", messageId, relatesTo, body);
    }

    private static IEnumerable<XElement> Ins(XNamespace r, InsiIns ins) =>
    [
        new XElement(r + "IdIndividu", new XElement(r + "NumIdentifiant", ins.Number), new XElement(r + "Cle", ins.Key)),
        new XElement(r + "OID", ins.Oid),
    ];

    private static byte[] Envelope(string action, string messageId, string? relatesTo, XElement body)
    {
        XNamespace env = InsiSoap.Envelope;
        XNamespace wsa = InsiSoap.Addressing;
        var envelope = new XElement(env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "env", env.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsa", wsa.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "insi", InsiSoap.Simulator.NamespaceName),
            new XElement(env + "Header",
                new XElement(wsa + "Action", action),
                new XElement(wsa + "MessageID", messageId),
                string.IsNullOrEmpty(relatesTo) ? null : new XElement(wsa + "RelatesTo", relatesTo)),
            new XElement(env + "Body", body));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), envelope).Save(writer);
        }

        return stream.ToArray();
    }
}

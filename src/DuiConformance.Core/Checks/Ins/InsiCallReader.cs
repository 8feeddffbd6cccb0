using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>Reads the recorded INSi exchanges (<c>insi-request</c> / <c>insi-response</c> items) into <see cref="InsiCall"/>s.</summary>
public static class InsiCallReader
{
    /// <summary>The INSi result namespace.</summary>
    public static readonly XNamespace Resultat = "http://www.cnamts.fr/INSiResultat";

    /// <summary>Every call, in recording order; unreadable bodies give empty fields, never an exception.</summary>
    public static IReadOnlyList<InsiCall> ReadAll(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var items = evidence.Items;
        var calls = new List<InsiCall>();
        for (var index = 0; index < items.Count; index++)
        {
            var request = items[index];
            if (request.Kind != EvidenceKinds.InsiRequest)
            {
                continue;
            }

            var responseIndex = -1;
            for (var later = index + 1; later < items.Count; later++)
            {
                if (items[later].Kind == EvidenceKinds.InsiResponse && items[later].Property(InsiProperties.Related) == request.Id)
                {
                    responseIndex = later;
                    break;
                }
            }

            var body = SafeXml.TryLoad(evidence.Content(request), out _);
            var search = body?.Descendants().FirstOrDefault(element => element.Name.LocalName == "RECSANSVITALE");
            string? Sent(string name) => search?.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
            XDocument? answer = responseIndex < 0 ? null : SafeXml.TryLoad(evidence.Content(items[responseIndex]), out _);
            var individu = answer?.Descendants(Resultat + "INDIVIDU").FirstOrDefault();
            var active = individu?.Element(Resultat + "INSACTIF");
            var tiq = individu?.Element(Resultat + "TIQ");
            string? Value(XElement? parent, string name) => parent?.Descendants(Resultat + name).FirstOrDefault()?.Value.Trim();
            calls.Add(new InsiCall(
                request.Id,
                responseIndex < 0 ? index : responseIndex,
                Sent("NomNaissance"),
                Sent("Prenom"),
                Sent("Sexe"),
                Sent("DateNaissance"),
                answer?.Descendants(Resultat + "CodeCR").FirstOrDefault()?.Value.Trim() ?? string.Empty,
                active is null ? null : Value(active, "NumIdentifiant") + Value(active, "Cle"),
                Value(active, "OID"),
                Value(tiq, "NomNaissance"),
                Value(tiq, "ListePrenom"),
                Value(tiq, "Sexe"),
                Value(tiq, "DateNaissance"),
                Value(tiq, "LieuNaissance")));
        }

        return calls;
    }
}

using System.Xml.Linq;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// French XDS author formats (domain.md §3.3, §8.3 DMP-06): authorPerson is an XCN whose id has an assigning authority
/// (<c>&amp;1.2.250.1.71.4.2.1&amp;ISO</c> with type IDNPS for a national id, or a local OID); authorInstitution is an
/// XON <c>name^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^idNatSt</c>.
/// </summary>
internal static class XdsAuthorFormats
{
    public const string IdNatPsOid = "1.2.250.1.71.4.2.1";
    public const string IdNatStOid = "1.2.250.1.71.4.2.2";

    public static IEnumerable<Finding> Check(XdmMetadataContext context, XElement author, string owner)
    {
        foreach (var person in EbRim.Values(EbRim.Slot(author, "authorPerson")).Where(value => value.Length > 0))
        {
            if (PersonProblem(person) is { } problem)
            {
                yield return XdmFindings.AuthorFormat.At(context.At(EbRim.Slot(author, "authorPerson")!), $"{owner}.authorPerson « {person} » : {problem}");
            }
        }

        foreach (var institution in EbRim.Values(EbRim.Slot(author, "authorInstitution")).Where(value => value.Length > 0))
        {
            if (InstitutionProblem(institution) is { } problem)
            {
                yield return XdmFindings.AuthorFormat.At(context.At(EbRim.Slot(author, "authorInstitution")!), $"{owner}.authorInstitution « {institution} » : {problem}");
            }
        }
    }

    /// <summary>Why an XCN authorPerson is not in the French format, or null.</summary>
    public static string? PersonProblem(string value)
    {
        var parts = value.Split('^');
        if (parts[0].Length == 0)
        {
            return "identifiant (XCN.1) absent ; attendu idNatPs^NOM^Prénom^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS ou un identifiant local avec son OID.";
        }

        var authority = parts.Length > 8 ? AssigningAuthority(parts[8]) : null;
        if (authority is null)
        {
            return "autorité d'affectation (XCN.9 &OID&ISO) absente.";
        }

        if (authority == IdNatPsOid && (parts.Length <= 12 || parts[12] != "IDNPS"))
        {
            return "identifiant national (OID 1.2.250.1.71.4.2.1) sans type IDNPS (XCN.13).";
        }

        return null;
    }

    /// <summary>Why an XON authorInstitution is not in the French format, or null.</summary>
    public static string? InstitutionProblem(string value)
    {
        var parts = value.Split('^');
        if (parts[0].Length == 0)
        {
            return "raison sociale (XON.1) absente.";
        }

        if (parts.Length <= 9 || AssigningAuthority(parts[5]) != IdNatStOid || parts[6] != "IDNST" || parts[9].Length == 0)
        {
            return "attendu Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^idNatSt (XON.6 autorité, XON.7 IDNST, XON.10 identifiant national de structure).";
        }

        return null;
    }

    /// <summary>The OID of an HD <c>&amp;OID&amp;ISO</c> (namespace may precede), or null.</summary>
    private static string? AssigningAuthority(string hd)
    {
        var parts = hd.Split('&');
        return parts.Length >= 3 && parts[2] == "ISO" && EbRim.IsOid(parts[1]) ? parts[1] : null;
    }
}

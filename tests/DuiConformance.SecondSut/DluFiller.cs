using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.SecondSut;

/// <summary>Fills the DLU template (Templates/dlu.xml): <c>{{x}}</c> gets an XML-escaped value, <c>{{!x}}</c> a prepared fragment.</summary>
public static partial class DluFiller
{
    /// <summary>The organisation and author the second SUT writes documents for; synthetic.</summary>
    public const string Organisation = "Résidence Les Acacias (fictive, second SUT)";
    public const string Finess = "690999990";
    public const string Rpps = "10199999995";

    private static readonly string Template = LoadTemplate();

    public static byte[] Fill(Resident resident, string documentOid, string setOid, string ippRoot, DateTimeOffset now)
    {
        var time = now.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
        // Note: only a qualified identity carries its INS (RNIV; domain.md §2.1); the INS-NIR OID is the one INSi returned.
        var insId = resident.Qualified && resident.Ins is not null
            ? $"      <id root=\"{SecurityElement.Escape(resident.InsOid ?? "1.2.250.1.213.1.4.10")}\" extension=\"{SecurityElement.Escape(resident.Ins)}\"/>\n"
            : "";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["documentOid"] = documentOid,
            ["setOid"] = setOid,
            ["now"] = time,
            ["ippRoot"] = ippRoot,
            ["ipp"] = resident.Number.ToString("D8", CultureInfo.InvariantCulture),
            ["birthName"] = resident.BirthName,
            ["givenNames"] = resident.GivenNames,
            ["firstGiven"] = resident.GivenNames.Split(' ')[0],
            ["sex"] = resident.Sex,
            ["birthTime"] = resident.BirthDate.Replace("-", "", StringComparison.Ordinal),
            ["birthPlace"] = resident.BirthPlace,
            ["idnps"] = "8" + Rpps,
            ["idnst"] = "1" + Finess,
            ["authorGiven"] = "Claire",
            ["authorFamily"] = "BERNARD-FICTIF",
            ["organisation"] = Organisation,
            ["gp"] = resident.GeneralPractitioner.Length == 0 ? "Non renseigné" : resident.GeneralPractitioner,
            ["treatments"] = resident.Treatments.Length == 0 ? "Aucun" : resident.Treatments,
            ["directives"] = resident.Directives.Length == 0 ? "Aucune" : resident.Directives,
            ["allergies"] = resident.Allergies.Length == 0 ? "Aucune connue" : resident.Allergies,
        };
        var xml = Placeholder().Replace(Template, match =>
        {
            var name = match.Groups[2].Value;
            if (match.Groups[1].Value == "!")
            {
                return name == "insId" ? insId : throw new InvalidOperationException("fragment inconnu " + name);
            }

            return SecurityElement.Escape(values[name]);
        });
        return Encoding.UTF8.GetBytes(xml);
    }

    private static string LoadTemplate()
    {
        using var stream = typeof(DluFiller).Assembly.GetManifestResourceStream("DuiConformance.SecondSut.Templates.dlu.xml")
            ?? throw new InvalidOperationException("modèle Templates/dlu.xml absent de l'assemblage");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(!?)([A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();
}

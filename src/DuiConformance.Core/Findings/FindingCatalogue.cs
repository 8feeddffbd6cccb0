using System.Reflection;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Every finding definition of the catalogue, gathered by reflection from the per-area classes
/// (<see cref="CdaFindings"/>, <see cref="XdmFindings"/>, <see cref="MailFindings"/>, <see cref="FhirFindings"/>), so a
/// test can prove codes are unique, banded and documented (STYLE.md rule 11).
/// </summary>
public static class FindingCatalogue
{
    /// <summary>The classes that hold catalogue entries; a new area adds its class here.</summary>
    public static IReadOnlyList<Type> Areas { get; } = [typeof(CdaFindings), typeof(XdmFindings), typeof(MailFindings), typeof(FhirFindings), typeof(InsFindings), typeof(SmtpTokenFindings), typeof(ImapSecurityFindings), typeof(FhirProfileFindings), typeof(DmpFindings), typeof(ImapFindings), typeof(SmtpTokenRevocationFindings), typeof(ImapTokenRevocationFindings),
        typeof(SmtpSizeFindings), typeof(PdsmFindings)];

    /// <summary>Every definition, area by area, in declaration order.</summary>
    public static IReadOnlyList<FindingDefinition> All { get; } =
    [
        .. Areas.SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(FindingDefinition))
            .Select(field => (FindingDefinition)field.GetValue(null)!),
    ];

    /// <summary>The definition of a code, or <c>null</c> when the code is not in the catalogue.</summary>
    public static FindingDefinition? Find(string code) => All.FirstOrDefault(definition => string.Equals(definition.Code, code, StringComparison.Ordinal));
}

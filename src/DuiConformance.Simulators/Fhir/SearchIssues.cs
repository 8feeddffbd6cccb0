using System.Globalization;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>The OperationOutcome issues every search of the simulator answers for a bad or unknown parameter.</summary>
internal static class SearchIssues
{
    /// <summary>A parameter whose value cannot be read (FHIR R4 §3.1.1.4: 400 with an OperationOutcome).</summary>
    public static FhirIssue Invalid(string name, string value, string expected) => new(
        FhirSimulatorFindings.InvalidSearchParameter,
        OperationOutcome.IssueType.Invalid,
        $"Valeur illisible pour le paramètre {name} : « {value} » ({expected}).",
        name);

    /// <summary>A parameter the simulator does not support for this search, listing the ones it does.</summary>
    /// <param name="name">The parameter received.</param>
    /// <param name="supported">The parameters this search supports.</param>
    /// <param name="resourceType">Named in the message when the search is not the DocumentReference one; <c>null</c> otherwise.</param>
    public static FhirIssue Unsupported(string name, IEnumerable<string> supported, string? resourceType = null) => new(
        FhirSimulatorFindings.UnsupportedSearchParameter,
        OperationOutcome.IssueType.NotSupported,
        string.Create(CultureInfo.InvariantCulture, $"Paramètre de recherche non pris en charge par le simulateur : {name} (pris en charge{(resourceType is null ? string.Empty : " pour " + resourceType)} : {string.Join(", ", supported)})."),
        name);
}

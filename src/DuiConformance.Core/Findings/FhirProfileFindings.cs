using static DuiConformance.Core.Findings.DmpRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes of the FHIR profile checker (band FHIR-52xx for what an instance breaks, FHIR-53xx for what the checker
/// could not judge; domain.md §3.4–3.5, §8.4 PDSM-12). A check that reuses them restates the requirement it verifies
/// (for example DUI-DMP-11 for PDSM-04); the default requirement is DUI-DMP-15, profile validation. Codes are permanent.
/// </summary>
public static class FhirProfileFindings
{
    /// <summary>An element occurs fewer times than its minimum or more than its maximum.</summary>
    public static readonly FindingDefinition Cardinality = new("FHIR-5201", Severity.Error, "Element cardinality violated", [Dmp15]);

    /// <summary>An element holds a type its definition does not allow.</summary>
    public static readonly FindingDefinition Type = new("FHIR-5202", Severity.Error, "Element type not allowed", [Dmp15]);

    /// <summary>An element differs from its fixed[x] value.</summary>
    public static readonly FindingDefinition Fixed = new("FHIR-5203", Severity.Error, "Element differs from its fixed value", [Dmp15]);

    /// <summary>An element does not match its pattern[x] value.</summary>
    public static readonly FindingDefinition Pattern = new("FHIR-5204", Severity.Error, "Element does not match its pattern", [Dmp15]);

    /// <summary>A code is not in the value set of a required binding.</summary>
    public static readonly FindingDefinition RequiredBinding = new("FHIR-5205", Severity.Error, "Code outside a required value set", [Dmp15]);

    /// <summary>A code is not in the value set of an extensible binding.</summary>
    public static readonly FindingDefinition ExtensibleBinding = new("FHIR-5206", Severity.Warning, "Code outside an extensible value set", [Dmp15]);

    /// <summary>A slice occurs fewer times than its minimum or more than its maximum.</summary>
    public static readonly FindingDefinition SliceCardinality = new("FHIR-5207", Severity.Error, "Slice cardinality violated", [Dmp15]);

    /// <summary>An element of a closed slicing matches none of its slices.</summary>
    public static readonly FindingDefinition ClosedSlicing = new("FHIR-5208", Severity.Error, "Element matches no slice of a closed slicing", [Dmp15]);

    /// <summary>A FHIRPath invariant of severity error is false.</summary>
    public static readonly FindingDefinition Invariant = new("FHIR-5209", Severity.Error, "FHIRPath invariant failed", [Dmp15]);

    /// <summary>A FHIRPath invariant of severity warning is false.</summary>
    public static readonly FindingDefinition InvariantWarning = new("FHIR-5210", Severity.Warning, "FHIRPath invariant (warning) failed", [Dmp15]);

    /// <summary>An element the base resource requires (from the FHIR R4 model) is absent.</summary>
    public static readonly FindingDefinition BaseCardinality = new("FHIR-5211", Severity.Error, "Element required by the base resource missing", [Dmp15]);

    /// <summary>An INS matricule (INS OID identifier) has a wrong NIR key or format.</summary>
    public static readonly FindingDefinition InsKey = new("FHIR-5212", Severity.Error, "INS matricule key or format wrong", ["DUI-INS-01", "DUI-INS-11"]);

    /// <summary>A test or demonstration INS OID (.10/.11) in production mode, or test and production OIDs mixed.</summary>
    public static readonly FindingDefinition InsTestOid = new("FHIR-5213", Severity.Error, "Test INS OID in production, or OIDs mixed", ["DUI-INS-02", "DUI-INS-11"]);

    /// <summary>The resource names no profile the checker knows and none applies by default.</summary>
    public static readonly FindingDefinition NoProfile = new("FHIR-5214", Severity.Warning, "No profile applies to the resource", [Dmp15]);

    /// <summary>A reference resolved inside the instance designates a resource of a type its targetProfile does not allow.</summary>
    public static readonly FindingDefinition ReferenceTarget = new("FHIR-5217", Severity.Error, "Reference to a resource of a type not allowed", [Dmp15]);

    /// <summary>A FHIRPath invariant could not be compiled or evaluated by the engine: not judged.</summary>
    public static readonly FindingDefinition InvariantNotEvaluated = new("FHIR-5301", Severity.Info, "FHIRPath invariant not evaluated", [Dmp15]);

    /// <summary>A canonical (profile, extension, value set) is not among the loaded definitions: not judged.</summary>
    public static readonly FindingDefinition Unresolved = new("FHIR-5302", Severity.Info, "Canonical reference not resolved", [Dmp15]);

    /// <summary>A loaded package declares a dependency that is not loaded.</summary>
    public static readonly FindingDefinition MissingDependency = new("FHIR-5303", Severity.Info, "Package dependency not loaded", [Dmp15]);

    /// <summary>A value set cannot be expanded offline (filters, unloaded code system): its binding is not judged.</summary>
    public static readonly FindingDefinition BindingNotEvaluated = new("FHIR-5304", Severity.Info, "Binding not evaluated offline", [Dmp15]);

    /// <summary>A slicing discriminator the checker does not support: the slices are not judged.</summary>
    public static readonly FindingDefinition SlicingNotEvaluated = new("FHIR-5305", Severity.Info, "Slicing discriminator not supported", [Dmp15]);

    /// <summary>A definition file or package could not be read.</summary>
    public static readonly FindingDefinition DefinitionUnreadable = new("FHIR-5306", Severity.Warning, "Definition file or package unreadable", [Dmp15]);

    /// <summary>Which definitions judged a resource (our profiles/fhir, official packages), for the report reader.</summary>
    public static readonly FindingDefinition DefinitionsUsed = new("FHIR-5307", Severity.Info, "Definitions used by the profile checker", [Dmp15]);

    /// <summary>An attachment with inline data states a size other than the data's length.</summary>
    public static readonly FindingDefinition AttachmentSize = new("FHIR-5215", Severity.Error, "Attachment size differs from its inline data", [Dmp15]);

    /// <summary>An attachment with inline data states a hash other than the base64 SHA-1 of the data.</summary>
    public static readonly FindingDefinition AttachmentHash = new("FHIR-5216", Severity.Error, "Attachment hash differs from its inline data", [Dmp15]);
}

using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// A DocumentReference whose <c>masterIdentifier</c> the repository already holds (or that a request carries twice):
/// the submission is refused as a whole with 422 (FHIR-5926) and nothing is stored.
/// </summary>
public sealed class DuplicateDocumentException : Exception
{
    /// <summary>Creates the exception for the refused document and the stored one it collides with.</summary>
    public DuplicateDocumentException(DocumentReference document, string? storedKey)
        : base($"masterIdentifier {document?.MasterIdentifier?.System}|{document?.MasterIdentifier?.Value} is already stored ({storedKey ?? "same request"}).")
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        StoredKey = storedKey;
    }

    /// <summary>The refused DocumentReference (the request's own object, to locate its entry).</summary>
    public DocumentReference Document { get; }

    /// <summary><c>DocumentReference/&lt;id&gt;</c> already holding the identifier, or <c>null</c> when the request repeats it.</summary>
    public string? StoredKey { get; }

    /// <summary>The OperationOutcome issue (FHIR-5926, business rule) pointing at <paramref name="expression"/>.</summary>
    internal FhirIssue ToIssue(string expression) => new(
        FhirSimulatorFindings.DuplicateMasterIdentifier,
        OperationOutcome.IssueType.Duplicate,
        StoredKey is null
            ? $"Le masterIdentifier {Document.MasterIdentifier?.Value} apparaît deux fois dans la même soumission."
            : $"Le document {Document.MasterIdentifier?.Value} a déjà été déposé ({StoredKey}) : une nouvelle version doit le remplacer (relatesTo), pas le redéposer.",
        expression);
}

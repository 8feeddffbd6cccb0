namespace DuiConformance.Scenarios.Definitions;

/// <summary>
/// The fixed vocabulary of actions a driver may be asked to perform (issue 6 §1). A scenario naming any other verb is
/// refused when loaded, so a typo never becomes a silently skipped step.
/// </summary>
public static class ActionVocabulary
{
    /// <summary>Every known verb.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "create-usager",
        "qualify-identity",
        "create-document",
        "publish-dmp",
        "search-dmp",
        "send-mss",
        "receive-and-file",
        "mask-document",
        "lookup-ins",
        "verify-ins",
        "import-usager",
        "replace-document",
        "attempt-publish-dmp",
        "send-mss-patient",
        "show-receipts",
        "record-mss-opposition",
        "show-received",
        "restrict-document",
        "attempt-send-mss",
        "publish-simplified",
    };
}

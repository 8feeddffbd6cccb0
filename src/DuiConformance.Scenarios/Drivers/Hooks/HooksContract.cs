namespace DuiConformance.Scenarios.Drivers.Hooks;

/// <summary>
/// The fixed names of the HTTP test-hooks contract (<c>profiles/hooks/openapi.yaml</c>, issue 6 §2): the versioned path
/// prefix a DUI's test build serves and the header that carries the shared secret of the run.
/// </summary>
public static class HooksContract
{
    /// <summary>The contract version, the last segment of <see cref="PathPrefix"/>.</summary>
    public const string Version = "v1";

    /// <summary>Where a DUI serves the hooks, relative to its base address.</summary>
    public const string PathPrefix = "/conformance-hooks/v1/";

    /// <summary>The header carrying the shared secret; a request without the right value gets 401.</summary>
    public const string SecretHeader = "X-Conformance-Hooks-Secret";

    /// <summary>What replaces a secret in recorded evidence.</summary>
    public const string Redacted = "***";
}

namespace DuiConformance.Simulators.Psc;

/// <summary>Why <see cref="PscTokenValidator"/> refused a bearer token; every value maps to RFC 6750 <c>invalid_token</c>.</summary>
public enum PscTokenError
{
    /// <summary>The token is valid; <see cref="PscTokenValidation.Principal"/> is set.</summary>
    None,

    /// <summary>No token at all (no <c>Authorization: Bearer</c>): RFC 6750 §3.1 says answer 401 without an error code.</summary>
    Missing,

    /// <summary>Not a compact JWS of three base64url parts with JSON header and payload, or a required claim is missing or of the wrong type.</summary>
    Malformed,

    /// <summary>The header's <c>alg</c> is not RS256 (<c>none</c> and HMAC are refused: no algorithm confusion).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header's <c>kid</c> is not the simulator's key.</summary>
    UnknownKey,

    /// <summary>The RS256 signature does not verify: the token was altered or signed by someone else.</summary>
    BadSignature,

    /// <summary>The <c>iss</c> is not this Pro Santé Connect realm.</summary>
    WrongIssuer,

    /// <summary>The <c>aud</c> does not contain the expected audience.</summary>
    WrongAudience,

    /// <summary>The <c>exp</c> has passed (beyond the clock skew).</summary>
    Expired,

    /// <summary>The <c>nbf</c> is still in the future (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>The token was revoked at the Pro Santé Connect revocation endpoint (RFC 7009).</summary>
    Revoked,
}

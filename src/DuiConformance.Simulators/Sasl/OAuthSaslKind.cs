namespace DuiConformance.Simulators.Sasl;

/// <summary>The two SASL mechanisms that carry an OAuth 2.0 bearer token (a Pro Santé Connect access token here).</summary>
public enum OAuthSaslKind
{
    /// <summary>
    /// <c>XOAUTH2</c> (Google / Microsoft): <c>user=&lt;mailbox&gt;^Aauth=Bearer &lt;token&gt;^A^A</c>; the error challenge
    /// is <c>{"status":"401","schemes":"bearer","scope":…}</c>. The mechanism MSSanté names (domain.md §4.2, SC.MSS/CONF.07).
    /// </summary>
    XOAuth2,

    /// <summary>
    /// <c>OAUTHBEARER</c> (RFC 7628): a GS2 header <c>n,a=&lt;authzid&gt;,</c> then <c>^A</c>-separated key=value pairs
    /// with <c>auth=Bearer &lt;token&gt;</c>; the error challenge is <c>{"status":"invalid_token",…}</c> (§3.2.2).
    /// </summary>
    OAuthBearer,
}

using System.Text;

namespace DuiConformance.Simulators.Sasl;

/// <summary>A parsed XOAUTH2 or OAUTHBEARER client response: the mailbox it names (if any) and the bearer token.</summary>
/// <param name="User">XOAUTH2's <c>user</c> or OAUTHBEARER's GS2 authzid (<c>a=</c>); <c>null</c> when OAUTHBEARER names none.</param>
/// <param name="Token">The bearer token (a compact JWT for Pro Santé Connect).</param>
public sealed record OAuthSaslResponse(string? User, string Token)
{
    private const char Separator = '\u0001';

    /// <summary>Decodes and parses a base64 client response; <c>null</c> when it is not valid base64 or not of the mechanism's syntax.</summary>
    public static OAuthSaslResponse? Parse(OAuthSaslKind kind, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return kind == OAuthSaslKind.XOAuth2 ? ParseXOAuth2(text) : ParseOAuthBearer(text);
    }

    /// <summary>True when the base64 response is the single <c>^A</c> a client sends after an error challenge (RFC 7628 §3.2.3), or empty.</summary>
    public static bool IsErrorAcknowledgement(string base64) => base64.Length == 0 || base64 is "AQ==" or "=";

    // Note: XOAUTH2 (developers.google.com/gmail/imap/xoauth2-protocol) — "user=" {User} "^Aauth=Bearer " {Token} "^A^A".
    private static OAuthSaslResponse? ParseXOAuth2(string text)
    {
        if (!text.EndsWith("\u0001\u0001", StringComparison.Ordinal))
        {
            return null;
        }

        var pairs = Pairs(text[..^2]);
        return pairs is not null && pairs.TryGetValue("user", out var user) && Bearer(pairs) is { } token
            ? new OAuthSaslResponse(user, token)
            : null;
    }

    // Note: RFC 7628 §3.1 — gs2-header kvsep *(kvpair) kvsep; the gs2 header is "n," or "y," then "a=" authzid or
    // nothing, then ","; channel binding ("p=") is not supported by the mechanism.
    private static OAuthSaslResponse? ParseOAuthBearer(string text)
    {
        var first = text.IndexOf(Separator, StringComparison.Ordinal);
        if (first < 0 || !text.EndsWith("\u0001\u0001", StringComparison.Ordinal) || text.Length < first + 2)
        {
            return null;
        }

        var header = text[..first].Split(',');
        if (header.Length != 3 || header[0] is not ("n" or "y") || header[2].Length != 0)
        {
            return null;
        }

        string? user = null;
        if (header[1].Length > 0)
        {
            if (!header[1].StartsWith("a=", StringComparison.Ordinal))
            {
                return null;
            }

            // Note: RFC 5801 §4 — "," and "=" in the authzid are escaped as =2C and =3D.
            user = header[1][2..].Replace("=2C", ",", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        }

        var pairs = Pairs(text[(first + 1)..^2]);
        return pairs is not null && Bearer(pairs) is { } token ? new OAuthSaslResponse(user, token) : null;
    }

    private static Dictionary<string, string>? Pairs(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(Separator))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !pairs.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                return null;
            }
        }

        return pairs;
    }

    private static string? Bearer(Dictionary<string, string> pairs)
    {
        const string scheme = "Bearer ";
        return pairs.TryGetValue("auth", out var auth) && auth.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && auth.Length > scheme.Length
            ? auth[scheme.Length..].Trim()
            : null;
    }
}

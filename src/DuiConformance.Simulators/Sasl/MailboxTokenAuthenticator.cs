using System.Collections.Concurrent;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Psc;

namespace DuiConformance.Simulators.Sasl;

/// <summary>
/// Decides whether a Pro Santé Connect token presented with SASL XOAUTH2 or OAUTHBEARER opens a mailbox, for both the
/// SMTP and the IMAP server: the token must pass <see cref="PscTokenValidator"/> (signature, issuer, audience, expiry,
/// not revoked), and its <c>sub</c> must be one of the mailbox's <see cref="MailboxAccount.Holders"/>.
/// </summary>
/// <remarks>
/// Which mailbox: the one the client names (XOAUTH2 <c>user=</c>, OAUTHBEARER <c>a=</c>), by address (case-insensitive)
/// or account user name; when OAUTHBEARER names none, the only mailbox the token's holder holds. Thread-safe.
/// </remarks>
public sealed class MailboxTokenAuthenticator
{
    private readonly IReadOnlyList<MailboxAccount> _accounts;
    private readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);

    /// <summary>Creates the authenticator over the operator's accounts and the PSC validator.</summary>
    /// <param name="accounts">The mailboxes and their holders.</param>
    /// <param name="validator">Checks the tokens (with the revocation list of the issuer).</param>
    /// <param name="revocations">Where sessions learn that their token was revoked.</param>
    /// <param name="discovery">The issuer's OIDC discovery URL, sent in the OAUTHBEARER error (RFC 7628 §3.2.2).</param>
    public MailboxTokenAuthenticator(IReadOnlyList<MailboxAccount> accounts, PscTokenValidator validator, PscRevocationList revocations, Uri discovery)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(revocations);
        ArgumentNullException.ThrowIfNull(discovery);
        _accounts = accounts;
        Validator = validator;
        Revocations = revocations;
        Discovery = discovery;
    }

    /// <summary>The token validator.</summary>
    public PscTokenValidator Validator { get; }

    /// <summary>The issuer's revocation list.</summary>
    public PscRevocationList Revocations { get; }

    /// <summary>The issuer's discovery URL.</summary>
    public Uri Discovery { get; }

    /// <summary>
    /// Where each token authentication attempt (<see cref="EvidenceKinds.MailAuth"/>) and each revocation by the harness
    /// (<see cref="EvidenceKinds.PscRevocation"/>) is recorded; <c>null</c> records none.
    /// </summary>
    public EvidenceStore? Evidence { get; init; }

    /// <summary>The mechanism names, as advertised.</summary>
    public static string Name(OAuthSaslKind kind) => kind == OAuthSaslKind.XOAuth2 ? "XOAUTH2" : "OAUTHBEARER";

    /// <summary>Judges one base64 client response of <paramref name="kind"/>.</summary>
    /// <returns>The verdict, or <c>null</c> when the response is not of the mechanism's syntax (a protocol error, not a refused token).</returns>
    public MailboxTokenResult? Authenticate(OAuthSaslKind kind, string base64Response)
    {
        ArgumentNullException.ThrowIfNull(base64Response);
        if (OAuthSaslResponse.Parse(kind, base64Response) is not { } response)
        {
            return null;
        }

        var result = Judge(kind, response) with { TokenId = PscTokenFingerprint.ClaimedTokenId(response.Token), TokenHash = PscTokenFingerprint.Hash(response.Token) };
        if (result.Succeeded && result.Principal!.TokenId.Length > 0)
        {
            _accepted.TryAdd(result.Principal.TokenId, result.TokenHash);
        }

        return result;
    }

    /// <summary>
    /// Records one attempt as <see cref="EvidenceKinds.MailAuth"/> (the token's <c>jti</c> and hash, never the token),
    /// before the server answers it, so the evidence order is the order of events (domain.md §8.5 MSS-04).
    /// </summary>
    /// <param name="protocol"><c>smtp</c> or <c>imap</c>.</param>
    /// <param name="session">The session id of the transcript.</param>
    /// <param name="result">The verdict <see cref="Authenticate"/> gave.</param>
    /// <param name="cancellationToken">Cancels the recording.</param>
    public async Task RecordAttemptAsync(string protocol, string session, MailboxTokenResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Evidence is null)
        {
            return;
        }

        var mechanism = result.Mechanism;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MailAuthProperties.Protocol] = protocol,
            [MailAuthProperties.Session] = session,
            [MailAuthProperties.Mechanism] = mechanism,
            [MailAuthProperties.TokenId] = result.TokenId,
            [MailAuthProperties.TokenHash] = result.TokenHash,
            [MailAuthProperties.Result] = result.Succeeded ? MailAuthProperties.Accepted : MailAuthProperties.Refused,
            [MailAuthProperties.Reason] = result.Reason,
        };
        await RecordAsync(EvidenceKinds.MailAuth, properties, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes, at the issuer, every token this operator accepted and that is not revoked yet (what a scenario's
    /// <c>revoke-token</c> step asks: the tokens of the DUI's mail sessions), recording each as
    /// <see cref="EvidenceKinds.PscRevocation"/> first; the sessions they opened then close (421, <c>* BYE</c>).
    /// </summary>
    /// <returns>How many tokens were revoked.</returns>
    public async Task<int> RevokeAcceptedAsync(CancellationToken cancellationToken)
    {
        var revoked = 0;
        foreach (var (tokenId, hash) in _accepted.ToArray())
        {
            if (Revocations.IsRevoked(tokenId))
            {
                continue;
            }

            // Note: recorded before revoking, so the sessions the revocation closes are recorded after it.
            await RecordAsync(EvidenceKinds.PscRevocation, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MailAuthProperties.TokenId] = tokenId,
                [MailAuthProperties.TokenHash] = hash,
                [MailAuthProperties.RevokedBy] = "harness",
            }, cancellationToken).ConfigureAwait(false);
            if (Revocations.Revoke(tokenId))
            {
                revoked++;
            }
        }

        return revoked;
    }

    private async Task RecordAsync(string kind, Dictionary<string, string> properties, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        try
        {
            await Evidence!.RecordAsync(kind, buffer.ToArray(), "application/json", properties, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Note: like a transcript, a record that cannot be written is lost without failing the session.
            _ = exception;
        }
    }

    private MailboxTokenResult Judge(OAuthSaslKind kind, OAuthSaslResponse response)
    {
        var validation = Validator.Validate(response.Token);
        if (!validation.IsValid)
        {
            return Refuse(kind, "invalid_token", "401", "jeton refusé : " + validation.Description);
        }

        var principal = validation.Principal!;
        var held = _accounts.Where(account => account.Holders.Contains(principal.Subject, StringComparer.Ordinal)).ToList();
        MailboxAccount? account;
        if (string.IsNullOrEmpty(response.User))
        {
            account = held.Count == 1 ? held[0] : null;
            if (account is null)
            {
                return Refuse(kind, "invalid_request", "400", $"aucune boîte désignée et le titulaire {principal.Subject} en détient {held.Count}.");
            }
        }
        else
        {
            account = held.FirstOrDefault(candidate =>
                string.Equals(candidate.Address, response.User, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.User, response.User, StringComparison.Ordinal));
            if (account is null)
            {
                // Note: same status as a bad token, so a client cannot learn which mailboxes a holder has.
                return Refuse(kind, "invalid_token", "401", $"le titulaire du jeton ({principal.Subject}) ne détient pas la boîte « {response.User} ».");
            }
        }

        return new MailboxTokenResult(account, principal, null, string.Empty) { Mechanism = Name(kind) };
    }

    private MailboxTokenResult Refuse(OAuthSaslKind kind, string oauthStatus, string httpStatus, string reason)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (kind == OAuthSaslKind.XOAuth2)
            {
                // Note: Google's XOAUTH2 error — an HTTP-like status, the schemes and the scope to ask for.
                writer.WriteString("status", httpStatus);
                writer.WriteString("schemes", "bearer");
                writer.WriteString("scope", PscClaims.DefaultScope);
            }
            else
            {
                // Note: RFC 7628 §3.2.2 — status from the OAuth error registry, scope, and the discovery document.
                writer.WriteString("status", oauthStatus);
                writer.WriteString("scope", PscClaims.DefaultScope);
                writer.WriteString("openid-configuration", Discovery.ToString());
            }

            writer.WriteEndObject();
        }

        return new MailboxTokenResult(null, null, Convert.ToBase64String(buffer.ToArray()), reason) { Mechanism = Name(kind) };
    }
}

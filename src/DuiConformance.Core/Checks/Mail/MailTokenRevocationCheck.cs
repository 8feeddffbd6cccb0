using System.Globalization;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// What the DUI does once the Pro Santé Connect token of its MSSanté sessions is revoked (DUI-SEC-04): it never presents
/// that token again after the operator told it so (a refused AUTH, or a session closed with <c>421</c> / <c>* BYE</c>),
/// no message is submitted in a session that token opened, and it authenticates again with a fresh valid token.
/// </summary>
/// <remarks>
/// Note: a client cannot know of a revocation before the operator tells it (the simulated PSC offers no introspection),
/// so the first presentation after the revocation, refused by the operator, is that notice and is not a finding.
/// Order is the order of recording in the evidence store: the simulators record an attempt before answering it.
/// </remarks>
public sealed class MailTokenRevocationCheck : ICheck
{
    /// <summary>Skip reason when no token was revoked during the scenario.</summary>
    public const string NothingReason = "Aucun jeton Pro Santé Connect révoqué pendant le scénario.";

    /// <summary>Skip reason when the revoked token never served on the mail channel.</summary>
    public const string UnusedReason = "Le jeton révoqué n'a servi à aucune authentification SMTP ou IMAP.";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.auth.token-revocation",
        TitleFr: "MSSanté : après révocation du jeton PSC, la session s'arrête et le jeton n'est plus présenté",
        TitleEn: "MSSanté: after the PSC token is revoked the session stops and the token is not presented again",
        Verifies: [MailSecurityRequirementIds.Sec04],
        Inputs: [EvidenceKinds.PscRevocation, EvidenceKinds.MailAuth, EvidenceKinds.SmtpMessage, EvidenceKinds.SmtpTranscript, EvidenceKinds.ImapTranscript],
        Description: """
            Pour chaque jeton révoqué pendant le scénario (`psc-revocation`, identifié par son `jti` et une empreinte, jamais
            par sa valeur) : après que l'opérateur l'a refusé (erreur SASL) ou a fermé la session qu'il avait ouverte
            (`421` en SMTP, `* BYE` en IMAP), aucune authentification (`mail-auth`) ne le présente de nouveau ; aucun message
            n'est soumis après la révocation dans une session qu'il avait authentifiée ; et sur chaque protocole où il avait
            servi, une authentification ultérieure réussit avec un jeton neuf. La première présentation après la révocation,
            refusée par l'opérateur, est ce qui informe le DUI : elle n'est pas un écart.

            Source : SC.MSS/CONF.10, SC.MSS/CONF.28 (domain.md §4.2, §8.5 **MSS-04**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var items = evidence.Items;
        var revocations = items.Select((item, index) => (Item: item, Index: index)).Where(entry => entry.Item.Kind == EvidenceKinds.PscRevocation).ToList();
        if (revocations.Count == 0)
        {
            return CheckResult.Skip(NothingReason);
        }

        var revokedHashes = revocations.Select(entry => Hash(entry.Item)).Where(hash => hash.Length > 0).ToHashSet(StringComparer.Ordinal);
        var attempts = items.Select((item, index) => (Item: item, Index: index)).Where(entry => entry.Item.Kind == EvidenceKinds.MailAuth).ToList();
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var (revocation, at) in revocations)
        {
            judged.Add(revocation.Id);
            var hash = Hash(revocation);
            var tokenId = revocation.Property(MailAuthProperties.TokenId) ?? "?";
            var sessions = attempts.Where(entry => entry.Index < at && Presents(entry.Item, hash) && IsAccepted(entry.Item))
                .Select(entry => (Protocol: Protocol(entry.Item), Session: entry.Item.Property(MailAuthProperties.Session) ?? string.Empty))
                .ToHashSet();
            var toldAt = ToldAt(items, attempts, sessions, hash, at);
            foreach (var (attempt, index) in attempts.Where(entry => entry.Index > at && Presents(entry.Item, hash)))
            {
                judged.Add(attempt.Id);
                if (toldAt is { } told && index > told)
                {
                    var definition = Protocol(attempt) == "imap" ? ImapTokenRevocationFindings.ImapRevokedTokenReused : SmtpTokenRevocationFindings.SmtpRevokedTokenReused;
                    findings.Add(definition.At(
                        new FindingLocation(attempt.Id, null, MailAuthProperties.TokenHash),
                        $"Session {attempt.Property(MailAuthProperties.Session) ?? "?"} : le jeton révoqué (jti {tokenId}) est présenté de nouveau ({attempt.Property(MailAuthProperties.Result)}) alors que l'opérateur l'avait déjà refusé ou avait fermé sa session."));
                }
            }

            foreach (var message in items.Skip(at + 1).Where(item => item.Kind == EvidenceKinds.SmtpMessage))
            {
                if (sessions.Contains(("smtp", message.Property(SmtpProperties.Session) ?? string.Empty)))
                {
                    judged.Add(message.Id);
                    findings.Add(SmtpTokenRevocationFindings.SmtpSessionContinued.At(
                        new FindingLocation(message.Id, null, SmtpProperties.Session),
                        $"Message soumis après la révocation dans la session {message.Property(SmtpProperties.Session)}, authentifiée par le jeton révoqué (jti {tokenId})."));
                }
            }

            foreach (var protocol in sessions.Select(session => session.Protocol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var fresh = attempts.FirstOrDefault(entry => entry.Index > at && Protocol(entry.Item) == protocol && IsAccepted(entry.Item) && !revokedHashes.Contains(Hash(entry.Item)));
                if (fresh.Item is not null)
                {
                    judged.Add(fresh.Item.Id);
                    continue;
                }

                var definition = protocol == "imap" ? ImapTokenRevocationFindings.ImapNoFreshToken : SmtpTokenRevocationFindings.SmtpNoFreshToken;
                findings.Add(definition.At(
                    new FindingLocation(revocation.Id, null, MailAuthProperties.TokenId),
                    string.Create(CultureInfo.InvariantCulture, $"Après la révocation du jeton (jti {tokenId}), aucune authentification {protocol.ToUpperInvariant()} n'a réussi avec un jeton Pro Santé Connect neuf.")));
            }
        }

        // Note: a revocation alone judges nothing: the revoked token must have served, or been presented, on the mail channel.
        return findings.Count == 0 && judged.All(id => revocations.Any(entry => entry.Item.Id == id))
            ? CheckResult.Skip(UnusedReason)
            : CheckResult.FromFindings(findings, judged.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Where the DUI was first told that the token is revoked: a refused attempt with it, or the close of a session it opened.</summary>
    private static int? ToldAt(IReadOnlyList<EvidenceItem> items, List<(EvidenceItem Item, int Index)> attempts, HashSet<(string Protocol, string Session)> sessions, string hash, int revokedAt)
    {
        var refused = attempts.Where(entry => entry.Index > revokedAt && Presents(entry.Item, hash) && !IsAccepted(entry.Item)).Select(entry => (int?)entry.Index).FirstOrDefault();
        int? closed = null;
        for (var index = revokedAt + 1; index < items.Count; index++)
        {
            var item = items[index];
            var protocol = item.Kind == EvidenceKinds.SmtpTranscript ? "smtp" : item.Kind == EvidenceKinds.ImapTranscript ? "imap" : null;
            if (protocol is not null && item.Property(ImapProperties.End) == "TokenRevoked" && sessions.Contains((protocol, item.Property(ImapProperties.Session) ?? string.Empty)))
            {
                closed = index;
                break;
            }
        }

        return refused is null ? closed : closed is null ? refused : Math.Min(refused.Value, closed.Value);
    }

    private static bool Presents(EvidenceItem attempt, string hash) => hash.Length > 0 && string.Equals(Hash(attempt), hash, StringComparison.Ordinal);

    private static bool IsAccepted(EvidenceItem attempt) => attempt.Property(MailAuthProperties.Result) == MailAuthProperties.Accepted;

    private static string Hash(EvidenceItem item) => item.Property(MailAuthProperties.TokenHash) ?? string.Empty;

    private static string Protocol(EvidenceItem item) => item.Property(MailAuthProperties.Protocol) ?? string.Empty;
}

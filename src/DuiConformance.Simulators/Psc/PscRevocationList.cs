using System.Collections.Concurrent;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// The access tokens revoked at the simulated Pro Santé Connect (RFC 7009), by <c>jti</c>. The validator refuses a revoked
/// token, and a mail session authenticated with one watches <see cref="WhenRevoked"/> to close itself (domain.md §8.5
/// MSS-04, DUI-SEC-04). Thread-safe.
/// </summary>
public sealed class PscRevocationList
{
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _watchers = new(StringComparer.Ordinal);

    /// <summary>How many tokens were revoked.</summary>
    public int Count => _revoked.Count;

    /// <summary>True once the token with this <c>jti</c> was revoked.</summary>
    public bool IsRevoked(string tokenId)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        return _revoked.ContainsKey(tokenId);
    }

    /// <summary>Revokes the token with this <c>jti</c> and tells every session watching it; returns false when it already was.</summary>
    public bool Revoke(string tokenId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        if (!_revoked.TryAdd(tokenId, 0))
        {
            return false;
        }

        if (_watchers.TryRemove(tokenId, out var watcher))
        {
            watcher.Cancel();
        }

        return true;
    }

    /// <summary>A token cancelled when the access token with this <c>jti</c> is revoked (already cancelled if it was).</summary>
    public CancellationToken WhenRevoked(string tokenId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        if (_revoked.ContainsKey(tokenId))
        {
            return new CancellationToken(canceled: true);
        }

        var watcher = _watchers.GetOrAdd(tokenId, _ => new CancellationTokenSource());

        // Note: a revocation between the first check and GetOrAdd removed no watcher; look again so it is not missed.
        if (_revoked.ContainsKey(tokenId) && _watchers.TryRemove(tokenId, out var late))
        {
            late.Cancel();
        }

        return watcher.Token;
    }
}

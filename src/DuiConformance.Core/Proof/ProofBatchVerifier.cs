using System.Diagnostics;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Verifies a GRADeS project's bundles: each bundle on its own (in parallel, streaming, with bounded memory), then the
/// checks across bundles: the same evidence bytes under two FINESS, two bundles for one FINESS, and expected ESSMS
/// without a bundle (domain.md §6 and §8.7 FIN-01).
/// </summary>
public static class ProofBatchVerifier
{
    /// <summary>Verifies <paramref name="bundles"/> (file paths) and returns one verdict per bundle and per missing ESSMS.</summary>
    /// <param name="bundles">The bundle files.</param>
    /// <param name="options">What is accepted; <see cref="ProofVerificationOptions.ExpectedFiness"/> also yields the missing ESSMS.</param>
    /// <param name="cancellationToken">Stops between bundles.</param>
    public static ProofBatchResult Verify(IReadOnlyList<string> bundles, ProofVerificationOptions options, CancellationToken cancellationToken = default) =>
        Verify(bundles, options, null, cancellationToken);

    /// <summary>
    /// Verifies <paramref name="bundles"/>; a bundle that <paramref name="declaredFiness"/> assigns to an ESSMS (the
    /// project CSV's line for it) must also claim that FINESS.
    /// </summary>
    /// <param name="bundles">The bundle files.</param>
    /// <param name="options">What is accepted; <see cref="ProofVerificationOptions.ExpectedFiness"/> also yields the missing ESSMS.</param>
    /// <param name="declaredFiness">Bundle path → the FINESS the project assigns to it; null when bundles are not assigned.</param>
    /// <param name="cancellationToken">Stops between bundles.</param>
    public static ProofBatchResult Verify(IReadOnlyList<string> bundles, ProofVerificationOptions options, IReadOnlyDictionary<string, string>? declaredFiness, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var verifier = new ProofBundleVerifier(options);
        var verdicts = new ProofBundleVerdict[bundles.Count];
        Parallel.For(
            0,
            bundles.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            index => verdicts[index] = verifier.Verify(bundles[index]));

        var owners = new Dictionary<string, EvidenceOwners>(StringComparer.Ordinal);
        var byFiness = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var verdict in verdicts)
        {
            if (verdict.Finess is not { } finess)
            {
                continue;
            }

            byFiness[finess] = byFiness.GetValueOrDefault(finess) + 1;
            foreach (var hash in verdict.EvidenceHashes)
            {
                if (owners.TryGetValue(hash, out var known))
                {
                    known.Add(finess);
                }
                else
                {
                    owners[hash] = new EvidenceOwners(finess);
                }
            }
        }

        var result = new List<ProofBundleVerdict>(verdicts.Length);
        foreach (var verdict in verdicts)
        {
            var extra = new List<ProofRejection>();
            if (declaredFiness is not null && declaredFiness.TryGetValue(verdict.Source, out var declared) && verdict.Finess is not null && verdict.Finess != declared)
            {
                extra.Add(ProofFindings.FinessUnexpected.With($"le projet attribue ce lot au FINESS {declared}, mais il déclare le FINESS {verdict.Finess}"));
            }

            if (verdict.Finess is { } finess)
            {
                if (byFiness[finess] > 1)
                {
                    extra.Add(ProofFindings.DuplicateFiness.With($"{byFiness[finess]} lots déclarent le FINESS {finess}"));
                }

                foreach (var hash in verdict.EvidenceHashes.Distinct(StringComparer.Ordinal))
                {
                    if (owners[hash].Others(finess) is { Count: > 0 } others)
                    {
                        extra.Add(ProofFindings.EvidenceReused.With($"la pièce evidence/objects/{hash[..16]}… figure aussi dans le lot du FINESS {string.Join(", ", others)}"));
                    }
                }
            }

            result.Add(verdict with { Rejections = [.. verdict.Rejections, .. extra], EvidenceHashes = [] });
        }

        if (options.ExpectedFiness is { } expected)
        {
            foreach (var finess in expected.Where(finess => !byFiness.ContainsKey(finess)).Order(StringComparer.Ordinal))
            {
                result.Add(new ProofBundleVerdict
                {
                    Source = "(aucun lot)",
                    Finess = finess,
                    Rejections = [ProofFindings.BundleMissing.With($"aucun lot de preuve reçu pour le FINESS {finess}")],
                });
            }
        }

        return new ProofBatchResult(result, stopwatch.Elapsed);
    }

    /// <summary>The FINESS under which one evidence object was seen; allocates a list only when a second one appears.</summary>
    private sealed class EvidenceOwners(string first)
    {
        private List<string>? _more;

        public void Add(string finess)
        {
            if (finess != first && !(_more?.Contains(finess) ?? false))
            {
                (_more ??= []).Add(finess);
            }
        }

        public List<string> Others(string finess) =>
            _more is null ? [] : [.. new[] { first }.Concat(_more).Where(owner => owner != finess).Take(5)];
    }
}

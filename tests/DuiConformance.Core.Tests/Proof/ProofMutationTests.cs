using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>
/// Tamper resistance (issue 7 §3): many seeded random mutations of a good bundle, each of which must be rejected with
/// a catalogued reason.
/// </summary>
public sealed class ProofMutationTests
{
    private const int Seed = 20251001;
    private const int Mutations = 300;

    [Test]
    public async Task Every_random_mutation_of_a_signed_bundle_is_rejected_with_a_reason()
    {
        var directory = Path.Combine(Path.GetTempPath(), "proof-mutations-" + Guid.NewGuid().ToString("N"));
        try
        {
            var good = (await ProofRun.BundleAsync(await ProofRun.CreateAsync(Path.Combine(directory, "a"), "essms-a"), Path.Combine(directory, "good.zip"))).Path;
            var other = (await ProofRun.BundleAsync(await ProofRun.CreateAsync(Path.Combine(directory, "b"), "essms-b"), Path.Combine(directory, "other.zip"), ProofRun.OtherFiness)).Path;
            var verifier = new ProofBundleVerifier(ProofRun.Options());
            verifier.Verify(good).Rejections.ShouldBeEmpty();
            var original = ZipRewriter.ReadAll(good);
            var otherSignature = ZipRewriter.ReadAll(other)[ProofBundleLayout.Signature];
            var random = new Random(Seed);
            var escaped = new List<string>();
            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            var mutated = Path.Combine(directory, "mutated.zip");

            for (var i = 0; i < Mutations; i++)
            {
                var files = original.ToDictionary(file => file.Key, file => (byte[])file.Value.Clone(), StringComparer.Ordinal);
                var names = files.Keys.Order(StringComparer.Ordinal).ToList();
                var choice = random.Next(10);
                string description;
                if (choice < 7)
                {
                    var name = names[random.Next(names.Count)];
                    var bytes = files[name];
                    var offset = random.Next(bytes.Length);
                    var mask = (byte)random.Next(1, 256);
                    bytes[offset] ^= mask;
                    description = $"octet {offset} de {name} ^ 0x{mask:x2}";
                }
                else if (choice < 8)
                {
                    var name = names[random.Next(names.Count)];
                    files.Remove(name);
                    description = $"suppression de {name}";
                }
                else if (choice < 9)
                {
                    var name = random.Next(2) == 0 ? $"evidence/objects/{random.Next():x8}.bin" : $"notes-{random.Next(1000)}.txt";
                    var bytes = new byte[random.Next(0, 64)];
                    random.NextBytes(bytes);
                    files[name] = bytes;
                    description = $"ajout de {name}";
                }
                else
                {
                    files[ProofBundleLayout.Signature] = otherSignature;
                    description = "signature d'un autre lot";
                }

                kinds[description.Split(' ')[0]] = kinds.GetValueOrDefault(description.Split(' ')[0]) + 1;
                ZipRewriter.Write(mutated, files);
                var verdict = verifier.Verify(mutated);
                if (verdict.Accepted || verdict.Rejections.Any(rejection => ProofFindings.Find(rejection.Code) is null))
                {
                    escaped.Add(description);
                }
            }

            escaped.ShouldBeEmpty($"mutations non détectées : {string.Join(" ; ", escaped)}");
            kinds.Keys.ShouldBe(["octet", "suppression", "ajout", "signature"], ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

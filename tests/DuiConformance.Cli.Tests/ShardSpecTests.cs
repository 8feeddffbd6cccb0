using DuiConformance.Cli.Running;

namespace DuiConformance.Cli.Tests;

public sealed class ShardSpecTests
{
    private static readonly string[] Ids = ["ins-verification", "dlu-share", "ins-not-found", "ins-lookup-qualify", "ins-several-identities", "ins-not-found-silence"];

    [Test]
    public void Shards_are_a_round_robin_over_the_sorted_ids()
    {
        new ShardSpec(1, 2).Select(Ids).Order(StringComparer.Ordinal).ShouldBe(["dlu-share", "ins-not-found", "ins-several-identities"]);
        new ShardSpec(2, 2).Select(Ids).Order(StringComparer.Ordinal).ShouldBe(["ins-lookup-qualify", "ins-not-found-silence", "ins-verification"]);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(7)]
    public void The_shards_of_a_suite_are_disjoint_cover_it_and_differ_in_size_by_at_most_one(int count)
    {
        var shards = Enumerable.Range(1, count).Select(index => new ShardSpec(index, count).Select(Ids)).ToList();

        shards.SelectMany(shard => shard).Order(StringComparer.Ordinal).ShouldBe(Ids.Order(StringComparer.Ordinal));
        (shards.Max(shard => shard.Count) - shards.Min(shard => shard.Count)).ShouldBeLessThanOrEqualTo(1);
    }

    [Test]
    public void The_partition_does_not_depend_on_the_order_the_ids_come_in()
    {
        new ShardSpec(2, 3).Select(Ids).ShouldBe(new ShardSpec(2, 3).Select(Ids.Reverse()), ignoreOrder: true);
    }

    [TestCase("1/2", 1, 2)]
    [TestCase("3/3", 3, 3)]
    public void K_over_n_is_read(string text, int index, int count) => ShardSpec.Parse(text).ShouldBe(new ShardSpec(index, count));

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("1/0")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("-1/2")]
    public void Anything_but_k_over_n_with_k_between_1_and_n_is_a_usage_error(string text) =>
        Should.Throw<UsageException>(() => ShardSpec.Parse(text)).Message.ShouldContain("--shard");

    [Test]
    public async Task A_bad_shard_on_the_command_line_exits_2_before_anything_starts()
    {
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["run", "--shard", "3/2"], new StringWriter(), error).WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("--shard");
    }
}

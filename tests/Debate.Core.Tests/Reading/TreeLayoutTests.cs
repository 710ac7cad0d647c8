using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class TreeLayoutTests
{
    private static readonly DateTimeOffset Start = new(2023, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static PostStub Post(long id, long? parent) => new(id, parent, Start.AddMinutes(id));

    [Fact]
    public void Places_depth_on_one_axis_and_leaves_in_reading_order_on_the_other()
    {
        //  1 ─ 2 ─ 3
        //    │   └ 4
        //    └ 5
        //  6
        var forest = new PostForest([Post(1, null), Post(2, 1), Post(3, 2), Post(4, 2), Post(5, 1), Post(6, null)]);

        var points = TreeLayout.Arrange(forest);

        Assert.Equal(6, points.Count);
        Assert.Equal([0, 1, 2, 2, 1, 0], new long[] { 1, 2, 3, 4, 5, 6 }.Select(id => points[id].Depth));
        Assert.Equal(0, points[3].Row);
        Assert.Equal(1, points[4].Row);
        Assert.Equal(2, points[5].Row);
        Assert.Equal(3, points[6].Row);
        // A parent sits midway between its first and last reply.
        Assert.Equal(0.5, points[2].Row);
        Assert.Equal(1.25, points[1].Row);
    }

    [Fact]
    public void No_two_posts_share_a_place_and_every_subtree_keeps_a_band_of_its_own()
    {
        var random = new Random(7);
        var stubs = new List<PostStub> { Post(1, null) };
        for (var id = 2; id <= 400; id++)
            stubs.Add(Post(id, random.Next(4) == 0 ? null : random.Next(1, id)));
        var forest = new PostForest(stubs);

        var points = TreeLayout.Arrange(forest);

        Assert.Equal(400, points.Values.Distinct().Count());
        foreach (var id in forest.PreOrder())
        {
            foreach (var reply in forest.RepliesOf(id))
            {
                Assert.Equal(points[id].Depth + 1, points[reply].Depth);
                var band = Descendants(forest, reply).Select(d => points[d].Row).ToList();
                var others = forest.RepliesOf(id).Where(r => r != reply).SelectMany(r => Descendants(forest, r)).Select(d => points[d].Row);
                Assert.All(others, row => Assert.True(row < band.Min() || row > band.Max()));
            }
        }
    }

    [Fact]
    public void A_reply_chain_thousands_deep_does_not_overflow_the_stack()
    {
        var chain = Enumerable.Range(1, 20_000).Select(i => Post(i, i == 1 ? null : i - 1)).ToList();

        var points = TreeLayout.Arrange(new PostForest(chain));

        Assert.Equal(19_999, points[20_000].Depth);
        Assert.All(points.Values, p => Assert.Equal(0, p.Row));
    }

    private static IEnumerable<long> Descendants(PostForest forest, long id)
    {
        yield return id;
        foreach (var reply in forest.RepliesOf(id))
        {
            foreach (var descendant in Descendants(forest, reply))
                yield return descendant;
        }
    }
}

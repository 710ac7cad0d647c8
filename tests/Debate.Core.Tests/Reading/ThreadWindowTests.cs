using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class ThreadWindowTests
{
    private static readonly DateTimeOffset Start = new(2023, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Roots 1..roots, each with <paramref name="replies"/> replies, each of those with one reply.</summary>
    private static PostForest Forest(int roots, int replies)
    {
        var stubs = new List<PostStub>();
        var id = 1000L;
        for (var r = 1; r <= roots; r++)
        {
            stubs.Add(new PostStub(r, null, Start.AddMinutes(r)));
            for (var i = 0; i < replies; i++)
            {
                var reply = id++;
                stubs.Add(new PostStub(reply, r, Start.AddMinutes(r).AddSeconds(i + 1)));
                stubs.Add(new PostStub(id++, reply, Start.AddMinutes(r).AddSeconds(i + 1).AddMilliseconds(1)));
            }
        }
        return new PostForest(stubs);
    }

    [Fact]
    public void A_small_thread_is_shown_whole()
    {
        var forest = Forest(roots: 2, replies: 2);

        var window = ThreadWindow.Select(forest, forest.Roots, 0, WindowLimits.Default);

        Assert.Equal(forest.Count, window.PostIds().Count());
        Assert.Null(window.NextFrom);
        Assert.All(window.Nodes, n => Assert.Equal(0, n.HiddenReplies));
    }

    [Fact]
    public void A_big_thread_shows_a_budget_of_posts_first_replies_before_their_replies()
    {
        var forest = Forest(roots: 100, replies: 30);
        var limits = new WindowLimits(Budget: 40, PerRoot: 20, RepliesPerPost: 8, Depth: 6);

        var window = ThreadWindow.Select(forest, forest.Roots, 0, limits);

        // Two roots take 17 posts each (8 replies, each with its reply); the third gets the 6 left.
        Assert.Equal(40, window.PostIds().Count());
        Assert.Equal(3, window.Nodes.Count);
        Assert.Equal(3, window.NextFrom);
        var first = window.Nodes[0];
        Assert.Equal(forest.RepliesOf(1).Take(8), first.Replies.Select(r => r.Id));
        Assert.All(first.Replies, r => Assert.Single(r.Replies));
        Assert.Equal(22, first.HiddenReplies);
        Assert.Equal(44, first.HiddenPosts);
        // Breadth first: the last root's six are itself and its first five replies, not a reply chain.
        var last = window.Nodes[2];
        Assert.Equal(5, last.Replies.Count);
        Assert.All(last.Replies, r => Assert.Empty(r.Replies));
    }

    [Fact]
    public void The_next_page_starts_where_the_last_one_stopped_and_the_pages_cover_every_root_once()
    {
        var forest = Forest(roots: 25, replies: 30);
        var seen = new List<long>();

        int? from = 0;
        while (from is int at)
        {
            var window = ThreadWindow.Select(forest, forest.Roots, at, WindowLimits.Default);
            seen.AddRange(window.Nodes.Select(n => n.Id));
            from = window.NextFrom;
        }

        Assert.Equal(forest.Roots, seen);
    }

    [Fact]
    public void Replies_beyond_the_depth_limit_are_left_for_later()
    {
        var chain = Enumerable.Range(1, 12).Select(i => new PostStub(i, i == 1 ? null : i - 1, Start.AddMinutes(i))).ToList();
        var forest = new PostForest(chain);

        var window = ThreadWindow.Select(forest, forest.Roots, 0, new WindowLimits(Depth: 3));

        Assert.Equal([1L, 2, 3, 4], window.PostIds());
        var deepest = window.Nodes[0].Replies[0].Replies[0].Replies[0];
        Assert.Equal(4, deepest.Id);
        Assert.Equal(1, deepest.HiddenReplies);
        Assert.Equal(8, deepest.HiddenPosts);
    }

    [Fact]
    public void Newest_first_orders_siblings_newest_first()
    {
        var forest = new PostForest(Forest(roots: 3, replies: 1).Roots.Select(r => new PostStub(r, null, Start.AddMinutes(r))).ToList(), TreeOrder.Newest);

        Assert.Equal([3L, 2, 1], forest.Roots);
    }
}

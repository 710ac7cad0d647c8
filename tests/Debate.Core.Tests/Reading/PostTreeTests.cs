using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class PostTreeTests
{
    private static PostView Post(long id, long? parent, int minute) =>
        new(id, parent, 0, "A", "a", new DateTimeOffset(2023, 11, 16, 0, minute, 0, TimeSpan.Zero), "", false, false, 1, []);

    [Fact]
    public void Nests_replies_under_their_parents_oldest_first()
    {
        var roots = PostTree.Build([Post(3, 1, 5), Post(1, null, 0), Post(2, 1, 2), Post(4, 2, 3)]);

        var root = Assert.Single(roots);
        Assert.Equal(1, root.Post.Id);
        Assert.Equal([2L, 3L], root.Replies.Select(r => r.Post.Id));
        Assert.Equal(4, root.Replies[0].Replies.Single().Post.Id);
        Assert.Equal(4, root.SubtreeSize);
    }

    [Fact]
    public void Newest_first_reverses_siblings()
    {
        var roots = PostTree.Build([Post(1, null, 0), Post(2, 1, 2), Post(3, 1, 5)], TreeOrder.Newest);

        Assert.Equal([3L, 2L], roots.Single().Replies.Select(r => r.Post.Id));
    }

    [Fact]
    public void A_reply_whose_parent_is_not_loaded_becomes_a_root()
    {
        var roots = PostTree.Build([Post(5, 99, 0)]);

        Assert.Equal(5, roots.Single().Post.Id);
    }
}

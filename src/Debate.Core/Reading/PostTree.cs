namespace Debate.Core.Reading;

/// <summary>A post with its replies, assembled in memory from one flat query.</summary>
public sealed record PostNode(PostView Post, IReadOnlyList<PostNode> Replies)
{
    public int SubtreeSize => 1 + Replies.Sum(r => r.SubtreeSize);
}

public enum TreeOrder { Oldest, Newest }

public static class PostTree
{
    /// <summary>Roots and replies in order; a post whose parent is not in the list becomes a root.</summary>
    public static IReadOnlyList<PostNode> Build(IReadOnlyCollection<PostView> posts, TreeOrder order = TreeOrder.Oldest)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var ids = posts.Select(p => p.Id).ToHashSet();
        var sorted = order == TreeOrder.Oldest
            ? posts.OrderBy(p => p.PostedAt).ThenBy(p => p.Id)
            : posts.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id);
        var children = sorted.ToLookup(p => p.ParentId is long parent && ids.Contains(parent) ? parent : (long?)null);

        IReadOnlyList<PostNode> Level(long? parent) => children[parent].Select(p => new PostNode(p, Level(p.Id))).ToList();
        return Level(null);
    }
}

namespace Debate.Core.Reading;

/// <summary>Where a post stands in its thread's tree, without its text: enough to plan what a page shows.</summary>
public sealed record PostStub(long Id, long? ParentId, DateTimeOffset PostedAt);

/// <summary>
/// A thread's reply tree (or one subtree) in reading order, built from stubs. A post whose parent is not
/// among the stubs is a root.
/// </summary>
public sealed class PostForest
{
    private static readonly IReadOnlyList<long> NoReplies = [];
    private readonly Dictionary<long, List<long>> _replies = [];
    private readonly Dictionary<long, long?> _parents = [];
    private readonly Dictionary<long, int> _subtreeSizes = [];

    public PostForest(IReadOnlyCollection<PostStub> posts, TreeOrder order = TreeOrder.Oldest)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var sorted = order == TreeOrder.Oldest
            ? posts.OrderBy(p => p.PostedAt).ThenBy(p => p.Id)
            : posts.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id);
        foreach (var post in posts)
            _parents[post.Id] = post.ParentId;
        var roots = new List<long>();
        foreach (var post in sorted)
        {
            if (post.ParentId is long parent && _parents.ContainsKey(parent))
            {
                if (!_replies.TryGetValue(parent, out var list))
                    _replies[parent] = list = [];
                list.Add(post.Id);
            }
            else
            {
                roots.Add(post.Id);
            }
        }
        Roots = roots;
        CountSubtrees();
    }

    public IReadOnlyList<long> Roots { get; }

    public int Count => _parents.Count;

    public bool Contains(long id) => _parents.ContainsKey(id);

    public IReadOnlyList<long> RepliesOf(long id) => _replies.TryGetValue(id, out var replies) ? replies : NoReplies;

    /// <summary>The post and everything below it.</summary>
    public int SubtreeSize(long id) => _subtreeSizes[id];

    /// <summary>Every post, parents before their replies, siblings in order.</summary>
    public IEnumerable<long> PreOrder()
    {
        var stack = new Stack<long>(Roots.Reverse());
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            yield return id;
            foreach (var reply in RepliesOf(id).Reverse())
                stack.Push(reply);
        }
    }

    // Without recursion: a thread can be a reply chain thousands deep.
    private void CountSubtrees()
    {
        var order = PreOrder().ToList();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var size = 1;
            foreach (var reply in RepliesOf(order[i]))
                size += _subtreeSizes[reply];
            _subtreeSizes[order[i]] = size;
        }
    }
}

/// <summary>A post a page shows, the replies it shows under it, and how many it leaves for later.</summary>
/// <param name="HiddenReplies">Direct replies not shown; they follow the shown ones, so the next page starts at Replies.Count.</param>
/// <param name="HiddenPosts">All the posts under those hidden replies, themselves included.</param>
public sealed record WindowNode(long Id, IReadOnlyList<WindowNode> Replies, int HiddenReplies, int HiddenPosts);

/// <summary>The part of a list of sibling posts a page shows, from <see cref="From"/>; <see cref="NextFrom"/> is where the next page starts.</summary>
public sealed record PostWindow(IReadOnlyList<WindowNode> Nodes, int From, int? NextFrom, int Total)
{
    public IEnumerable<long> PostIds()
    {
        var stack = new Stack<WindowNode>(Nodes);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node.Id;
            foreach (var reply in node.Replies)
                stack.Push(reply);
        }
    }
}

/// <param name="Budget">Posts a page shows at most (it always shows at least one).</param>
/// <param name="PerRoot">Posts one top-level post and its replies may take of the budget.</param>
/// <param name="RepliesPerPost">Replies shown under a post before "more replies".</param>
/// <param name="Depth">Levels of replies shown under a top-level post.</param>
public sealed record WindowLimits(int Budget = 40, int PerRoot = 20, int RepliesPerPost = 8, int Depth = 6)
{
    public static readonly WindowLimits Default = new();
}

/// <summary>
/// Chooses the first screenful of a big thread: top-level posts in order, each with its replies breadth
/// first (a post's first replies before the replies to those), until the budget is spent. What is left
/// is loaded on demand, page by page, by the same rule.
/// </summary>
public static class ThreadWindow
{
    public static PostWindow Select(PostForest forest, IReadOnlyList<long> siblings, int from, WindowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(limits);
        from = Math.Clamp(from, 0, siblings.Count);
        var nodes = new List<WindowNode>();
        var used = 0;
        var next = from;
        while (next < siblings.Count && (nodes.Count == 0 || used < limits.Budget))
        {
            var allowance = Math.Max(1, Math.Min(limits.PerRoot, limits.Budget - used));
            var (node, count) = SelectSubtree(forest, siblings[next], allowance, limits);
            nodes.Add(node);
            used += count;
            next++;
        }
        return new PostWindow(nodes, from, next < siblings.Count ? next : null, siblings.Count);
    }

    private static (WindowNode Node, int Count) SelectSubtree(PostForest forest, long root, int allowance, WindowLimits limits)
    {
        var shown = new HashSet<long> { root };
        var queue = new Queue<(long Id, int Depth)>([(root, 0)]);
        while (queue.Count > 0 && shown.Count < allowance)
        {
            var (id, depth) = queue.Dequeue();
            if (depth >= limits.Depth)
                continue;
            foreach (var reply in forest.RepliesOf(id).Take(limits.RepliesPerPost))
            {
                if (shown.Count >= allowance)
                    break;
                shown.Add(reply);
                queue.Enqueue((reply, depth + 1));
            }
        }
        return (Build(forest, root, shown), shown.Count);
    }

    // Recursion is bounded by WindowLimits.Depth.
    private static WindowNode Build(PostForest forest, long id, HashSet<long> shown)
    {
        var replies = forest.RepliesOf(id);
        var visible = replies.TakeWhile(shown.Contains).Select(r => Build(forest, r, shown)).ToList();
        var hidden = replies.Skip(visible.Count).ToList();
        return new WindowNode(id, visible, hidden.Count, hidden.Sum(forest.SubtreeSize));
    }
}

using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Posting;
using Debate.Web.Features.Shared;

namespace Debate.Web.Features.Threads;

/// <summary>The posts one response shows, ready to render, with the thread they belong to and the order chosen.</summary>
public sealed record ReadingPage(ThreadHeader Thread, TreeOrder Order, IReadOnlyDictionary<long, ShownPost> Posts)
{
    /// <summary>Who reads: decides the reply and edit links each post shows.</summary>
    public Viewer Viewer { get; init; } = Viewer.Anonymous;

    /// <summary>Loads and marks the posts a response shows: two queries (posts, then their quotes and claims) whatever their number.</summary>
    public static async Task<ReadingPage> LoadAsync(DebateDbContext db, ThreadHeader thread, TreeOrder order, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var posts = await ReadingQueries.PostsAsync(db, ids, cancellationToken);
        var annotations = await ReadingQueries.AnnotationsAsync(db, ids, cancellationToken);
        var decorations = new PostDecorations(thread, posts.Keys.ToHashSet(), annotations);
        return new ReadingPage(thread, order, posts.Values.ToDictionary(p => p.Id, decorations.Show));
    }

    /// <summary>A page of the thread's top-level posts from <paramref name="from"/> on, with their replies as the window allows.</summary>
    public static async Task<(ReadingPage Page, PostWindow Window)> LoadRootsAsync(DebateDbContext db, ThreadHeader thread, TreeOrder order, int from, CancellationToken cancellationToken)
    {
        var forest = new PostForest(await ReadingQueries.StubsAsync(db, thread.Id, cancellationToken), order);
        var window = ThreadWindow.Select(forest, forest.Roots, from, WindowLimits.Default);
        return (await LoadAsync(db, thread, order, window.PostIds().ToList(), cancellationToken), window);
    }

    /// <summary>A page of one post's replies from <paramref name="from"/> on, and the posts in <paramref name="alsoShown"/>.</summary>
    public static async Task<(ReadingPage Page, PostWindow Window)> LoadRepliesAsync(
        DebateDbContext db, ThreadHeader thread, PostLocation post, TreeOrder order, int from, IReadOnlyCollection<long> alsoShown, CancellationToken cancellationToken)
    {
        var forest = new PostForest(await ReadingQueries.SubtreeStubsAsync(db, post, cancellationToken), order);
        var window = ThreadWindow.Select(forest, forest.RepliesOf(post.Id), from, WindowLimits.Default);
        return (await LoadAsync(db, thread, order, [.. alsoShown, .. window.PostIds()], cancellationToken), window);
    }
}

/// <summary>"More replies" or "more posts": a plain link to a page that shows them, and the fragment the script loads in place.</summary>
public sealed record MoreLink(string Label, string Href, string FragmentUrl)
{
    public static MoreLink? ForPosts(ReadingPage page, PostWindow window)
    {
        if (window.NextFrom is not int next)
            return null;
        var left = window.Total - next;
        return new MoreLink($"Show more posts ({left} more {Plural(left, "conversation")})",
            Links.Thread(page.Thread.Slug, page.Order, next), Links.MorePosts(page.Thread.Slug, page.Order, next));
    }

    /// <summary>The replies a post's window left out; without the script the link opens the post's own page at them.</summary>
    /// <summary>The replies after a page of them (<see cref="PostWindow.NextFrom"/>).</summary>
    public static MoreLink? ForReplies(ReadingPage page, long postId, PostWindow replies) =>
        replies.NextFrom is int next ? ForReplies(page, postId, next, replies.Total - next, 0) : null;

    public static MoreLink? ForReplies(ReadingPage page, long postId, int shown, int hiddenReplies, int hiddenPosts)
    {
        if (hiddenReplies == 0)
            return null;
        var label = (shown == 0 ? $"Show {hiddenReplies} {Plural(hiddenReplies, "reply")}" : $"{hiddenReplies} more {Plural(hiddenReplies, "reply")}")
            + (hiddenPosts > hiddenReplies ? $" ({hiddenPosts} posts)" : "");
        return new MoreLink(label, Links.Post(page.Thread.Slug, postId, page.Order, shown), Links.MoreReplies(page.Thread.Slug, postId, page.Order, shown));
    }

    public static string Plural(int count, string word) => count == 1 ? word : word == "reply" ? "replies" : word + "s";
}

/// <summary>A list of sibling posts with their shown replies, and the link to those left out.</summary>
public sealed record PostListModel(ReadingPage Page, IReadOnlyList<WindowNode> Nodes, MoreLink? More);

public sealed record PostItemModel(ReadingPage Page, WindowNode Node);

public sealed record PostArticleModel(ReadingPage Page, ShownPost Shown, bool IsFocus = false);

/// <summary>The "moved to" links a moderator's move left at a post's old place (<paramref name="HereSlug"/> is the thread shown).</summary>
public sealed record MovedAwayModel(string HereSlug, IReadOnlyList<MovedPost> Posts);

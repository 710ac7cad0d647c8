using System.Globalization;
using Debate.Core.Outline;
using Debate.Core.Reading;

namespace Debate.Web.Features.Shared;

/// <summary>The app's addresses, and the ids of the places inside a post that links point at, in one place.</summary>
internal static class Links
{
    public static string Thread(string slug, TreeOrder order = TreeOrder.Oldest, int from = 0) =>
        $"/t/{Segment(slug)}" + Query(order, from);

    public static string Post(string slug, long postId, TreeOrder order = TreeOrder.Oldest, int from = 0) =>
        $"/t/{Segment(slug)}/p/{postId}" + Query(order, from);

    /// <summary>A post found by a search: its page, told which words to highlight, scrolled to the post.</summary>
    public static string SearchHit(string slug, long postId, IReadOnlyList<string> words) =>
        $"/t/{Segment(slug)}/p/{postId}" + (words.Count == 0 ? "" : "?hl=" + Uri.EscapeDataString(string.Join(' ', words.Take(8)))) + "#" + PostId(postId);

    public static string Search(string query, int page = 1) =>
        "/search?q=" + Uri.EscapeDataString(query) + (page > 1 ? "&page=" + page.ToString(CultureInfo.InvariantCulture) : "");

    public static string MorePosts(string slug, TreeOrder order, int from) => $"/t/{Segment(slug)}/posts" + Query(order, from);

    public static string MoreReplies(string slug, long postId, TreeOrder order, int from) => $"/t/{Segment(slug)}/p/{postId}/replies" + Query(order, from);

    public static string Preview(string slug, long postId) => $"/t/{Segment(slug)}/p/{postId}/preview";

    public static string History(string slug, long postId) => $"/t/{Segment(slug)}/p/{postId}/history";

    /// <summary>The reply form; without <paramref name="parentId"/>, a new top-level post.</summary>
    public static string Reply(string slug, long? parentId = null) =>
        $"/t/{Segment(slug)}/reply" + (parentId is long id ? "?to=" + id.ToString(CultureInfo.InvariantCulture) : "");

    public static string Edit(string slug, long postId) => $"/t/{Segment(slug)}/p/{postId}/edit";

    /// <summary>A moderator's page for one post: hide, unhide, move.</summary>
    public static string ModeratePost(long postId) => $"/moderation/posts/{postId}";

    /// <summary>A moderator's page for one thread: lock, unlock.</summary>
    public static string ModerateThread(string slug) => $"/moderation/threads/{Segment(slug)}";

    public static string Outline(string slug) => $"/t/{Segment(slug)}/outline";

    public static string Map(string slug) => $"/t/{Segment(slug)}/map";

    public static string PostClaims(string slug, long postId) => $"/t/{Segment(slug)}/p/{postId}/claims";

    public static string Arguments(string slug) => $"/t/{Segment(slug)}/arguments";

    public static string Argdown(string slug) => $"/t/{Segment(slug)}/arguments.argdown";

    public static string Author(string slug) => $"/authors/{Segment(slug)}";

    public static string Tag(string name) => $"/tags/{Segment(name)}";

    /// <summary>The outline page's anchor of a section: "s-4.4".</summary>
    public static string SectionId(string number) => "s-" + number;

    public static string PostId(long postId) => $"p{postId}";

    /// <summary>A span of a post's current text that others quote.</summary>
    public static string QuotedSpanId(long postId, int start, int end) => $"p{postId}-s{start}-{end}";

    /// <summary>The same span in an earlier revision, on the history page.</summary>
    public static string RevisionSpanId(long postId, int revision, int start, int end) => $"p{postId}-r{revision}-s{start}-{end}";

    /// <summary>Where a post names the source of one of its quotes.</summary>
    public static string QuoteId(long postId, long quoteId) => $"p{postId}-q{quoteId}";

    /// <summary>The list, under a post, of the posts quoting one of its spans.</summary>
    public static string QuotedByListId(long postId, int start, int end) => $"p{postId}-qb-{start}-{end}";

    public static string ClaimId(long postId, long claimId) => $"p{postId}-c{claimId}";

    public static string MentionId(long postId, int start) => $"p{postId}-m{start}";

    /// <summary>A link to audio at a timestamp (a media fragment), when the address has no fragment of its own.</summary>
    public static string? AudioAt(string url, string? at)
    {
        if (External(url) is not { } safe)
            return null;
        // Imported timestamps are only trusted when they read as one ("05:16:10", "16:10").
        if (at is null || safe.Contains('#', StringComparison.Ordinal) || !at.Split(':').All(part => part.Length is > 0 and <= 2 && part.All(char.IsAsciiDigit)))
            return safe;
        return safe + "#t=" + PodcastOutlineReader.Seconds(at).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An address from imported data, only when it is an http(s) one: never a javascript: link.</summary>
    public static string? External(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;

    public static TreeOrder ParseOrder(string? order) =>
        string.Equals(order, "newest", StringComparison.OrdinalIgnoreCase) ? TreeOrder.Newest : TreeOrder.Oldest;

    private static string Query(TreeOrder order, int from)
    {
        var parts = new List<string>(2);
        if (order == TreeOrder.Newest)
            parts.Add("order=newest");
        if (from > 0)
            parts.Add("from=" + from.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}

using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Claims;

/// <summary>A confirmed claim tag of a thread, with the post that carries it.</summary>
public sealed record ThreadClaim(
    long Id, long PostId, long? ParentId, string AuthorName, DateTimeOffset PostedAt,
    string TagName, string TagStatement, Stance Stance, string Exact);

/// <summary>One post's stand on one claim: its tagged spans of that tag (usually one).</summary>
public sealed record ArgumentNode(string Id, long PostId, string AuthorName, DateTimeOffset PostedAt, string TagName, Stance Stance, IReadOnlyList<ThreadClaim> Spans);

/// <summary>How a later post's claim answers an earlier one: through a quote, or as a reply further down the same branch.</summary>
public enum ArgumentLink { Quotes, Replies }

/// <summary>An edge from the answering node to the answered one, labelled with the answering post's stance.</summary>
public sealed record ArgumentEdge(ArgumentNode From, ArgumentNode To, Stance Stance, ArgumentLink Link);

public sealed record ArgumentTag(string Name, string Statement, IReadOnlyList<ArgumentNode> Nodes);

/// <summary>
/// A thread's argument: the claim tags as nodes, one per post and tag, grouped by tag; and between the posts that
/// carry them, the quote links (or, where a post quotes nothing that carries a claim, its nearest tagged ancestor
/// in the reply tree) as edges. Each answering node leads to one node of the answered post: the one of the same
/// tag; else the one of a tag both posts carry (what the exchange is about); else the answered post's first.
/// Tags are ordered so that tags joined by edges stand side by side.
/// </summary>
public sealed record ArgumentGraph(IReadOnlyList<ArgumentTag> Tags, IReadOnlyList<ArgumentNode> Nodes, IReadOnlyList<ArgumentEdge> Edges)
{
    public static async Task<ArgumentGraph> LoadAsync(DebateDbContext db, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var claims = await db.ClaimTags.AsNoTracking()
            .Where(c => c.State == ClaimState.Confirmed && c.CurrentStart != null)
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { Claim = c, Post = p })
            .Where(x => x.Post.ThreadId == threadId && !x.Post.IsDeleted && !x.Post.IsHidden && x.Post.MergedIntoId == null)
            .OrderBy(x => x.Post.PostedAt).ThenBy(x => x.Post.Id).ThenBy(x => x.Claim.CurrentStart)
            .Select(x => new ThreadClaim(x.Claim.Id, x.Post.Id, x.Post.ParentId, x.Post.Author!.DisplayName, x.Post.PostedAt,
                x.Claim.Tag!.Name, x.Claim.Tag.Statement, x.Claim.Stance, x.Claim.Anchor.Exact))
            .ToListAsync(cancellationToken);
        var parents = (await ReadingQueries.MapPostsAsync(db, threadId, cancellationToken)).ToDictionary(p => p.Id, p => p.ParentId);
        var quotes = await ReadingQueries.QuoteEdgesAsync(db, threadId, cancellationToken);
        return Build(claims, parents, quotes);
    }

    /// <param name="claims">In reading order: by post time, then by place in the post.</param>
    public static ArgumentGraph Build(IReadOnlyList<ThreadClaim> claims, IReadOnlyDictionary<long, long?> parents, IReadOnlyList<QuoteEdge> quotes)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(quotes);
        // A post taking two stances on one tag is drawn by its first; both spans are listed.
        var nodes = claims.GroupBy(c => (c.PostId, c.TagName))
            .Select(g => new ArgumentNode($"p{g.Key.PostId}-{g.Key.TagName}", g.Key.PostId, g.First().AuthorName, g.First().PostedAt, g.Key.TagName, g.First().Stance, g.ToList()))
            .ToList();
        var byPost = nodes.ToLookup(n => n.PostId);

        var edges = new List<ArgumentEdge>();
        var quoted = quotes.ToLookup(q => q.QuotingPostId, q => q.SourcePostId);
        foreach (var post in byPost)
        {
            var answered = quoted[post.Key].Distinct().Where(s => s != post.Key && byPost.Contains(s)).Select(s => (Post: s, Link: ArgumentLink.Quotes)).ToList();
            if (answered.Count == 0 && NearestTaggedAncestor(post.Key, parents, byPost) is long ancestor)
                answered.Add((ancestor, ArgumentLink.Replies));
            foreach (var (target, link) in answered)
            {
                var targets = byPost[target].ToList();
                var shared = targets.FirstOrDefault(t => post.Any(n => n.TagName == t.TagName));
                foreach (var node in post)
                {
                    var to = targets.FirstOrDefault(t => t.TagName == node.TagName) ?? shared ?? targets[0];
                    edges.Add(new ArgumentEdge(node, to, node.Stance, link));
                }
            }
        }
        var statements = claims.GroupBy(c => c.TagName).ToDictionary(g => g.Key, g => g.First().TagStatement, StringComparer.Ordinal);
        var tags = OrderTags(claims.Select(c => c.TagName).Distinct().ToList(), edges)
            .Select(name => new ArgumentTag(name, statements[name], nodes.Where(n => n.TagName == name).ToList()))
            .ToList();
        return new ArgumentGraph(tags, nodes, edges);
    }

    /// <summary>
    /// A chain: from the first tag argued, each next tag is the one most joined by edges to the last placed (else to
    /// any placed), ties and strangers in order of first appearance. Joined tags end up in neighbouring columns.
    /// </summary>
    private static List<string> OrderTags(List<string> byAppearance, List<ArgumentEdge> edges)
    {
        var weight = new Dictionary<(string, string), int>();
        foreach (var edge in edges.Where(e => e.From.TagName != e.To.TagName))
        {
            foreach (var key in new[] { (edge.From.TagName, edge.To.TagName), (edge.To.TagName, edge.From.TagName) })
                weight[key] = weight.GetValueOrDefault(key) + 1;
        }
        var order = new List<string>();
        var left = new List<string>(byAppearance);
        while (left.Count > 0)
        {
            var next = order.Count == 0 ? left[0]
                : left.OrderByDescending(t => weight.GetValueOrDefault((order[^1], t)))
                    .ThenByDescending(t => order.Sum(placed => weight.GetValueOrDefault((placed, t))))
                    .ThenBy(left.IndexOf)
                    .First();
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }

    private static long? NearestTaggedAncestor(long postId, IReadOnlyDictionary<long, long?> parents, ILookup<long, ArgumentNode> byPost)
    {
        var seen = new HashSet<long> { postId };
        for (var at = parents.GetValueOrDefault(postId); at is long id && seen.Add(id); at = parents.GetValueOrDefault(id))
        {
            if (byPost.Contains(id))
                return id;
        }
        return null;
    }
}

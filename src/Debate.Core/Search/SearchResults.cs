using Debate.Core.Model;

namespace Debate.Core.Search;

/// <summary>A post found: where it is, who wrote it, a highlighted snippet, and the replies that matched only by quoting it.</summary>
public sealed record PostHit(
    long PostId, string ThreadSlug, string ThreadTitle, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt,
    IReadOnlyList<Platform> Platforms, Snippet Snippet, double Rank, IReadOnlyList<QuotingReply> QuotedBy);

/// <summary>A reply whose match lies only in the words it quotes, listed under the post it quotes.</summary>
public sealed record QuotingReply(long PostId, string ThreadSlug, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt);

/// <summary>A thread whose title matches.</summary>
public sealed record ThreadHit(string Slug, Snippet Title);

/// <summary>A section of a thread's report ("4.4 Speed arguments") whose number or title matches.</summary>
public sealed record SectionHit(string ThreadSlug, string ThreadTitle, string Number, Snippet Title);

/// <summary>A query word not in any text, and what it was taken for: a known word close to it, or two words run together.</summary>
public sealed record Correction(string Word, string Replacement);

public sealed record SearchResults(
    SearchQuery Query,
    IReadOnlyList<string> Errors,
    IReadOnlyList<ThreadHit> Threads,
    IReadOnlyList<SectionHit> Sections,
    IReadOnlyList<PostHit> Posts,
    int Page,
    bool HasMore,
    /// <summary>When the query found nothing and its words were corrected: the query the results are for.</summary>
    string? CorrectedQuery,
    IReadOnlyList<Correction> Corrections)
{
    public bool IsEmpty => Threads.Count == 0 && Sections.Count == 0 && Posts.Count == 0;

    public static SearchResults Failed(SearchQuery query, IReadOnlyList<string> errors) =>
        new(query, errors, [], [], [], 1, false, null, []);
}

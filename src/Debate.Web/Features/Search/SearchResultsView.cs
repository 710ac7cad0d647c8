using Debate.Core.Search;
using Debate.Web.Features.Shared;

namespace Debate.Web.Features.Search;

/// <summary>
/// Search results as the page shows them and the API returns them: the same objects, with the addresses to follow.
/// Snippets come as text and as HTML whose only markup is &lt;mark&gt; around the matched words.
/// </summary>
public sealed record SearchResultsView(
    string Query,
    IReadOnlyList<string> Errors,
    string? CorrectedQuery,
    IReadOnlyList<CorrectionView> Corrections,
    int Page,
    bool HasMore,
    IReadOnlyList<ThreadHitView> Threads,
    IReadOnlyList<SectionHitView> Sections,
    IReadOnlyList<PostHitView> Posts)
{
    public static SearchResultsView Of(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new SearchResultsView(
            results.Query.Input,
            results.Errors,
            results.CorrectedQuery,
            results.Corrections.Select(c => new CorrectionView(c.Word, c.Replacement)).ToList(),
            results.Page,
            results.HasMore,
            results.Threads.Select(t => new ThreadHitView(t.Slug, t.Title.PlainText, t.Title.Html, Links.Thread(t.Slug))).ToList(),
            results.Sections.Select(s => new SectionHitView(s.ThreadSlug, s.ThreadTitle, s.Number, s.Title.PlainText, s.Title.Html,
                $"{Links.Outline(s.ThreadSlug)}#{Links.SectionId(s.Number)}")).ToList(),
            results.Posts.Select(p => new PostHitView(
                p.PostId, Links.SearchHit(p.ThreadSlug, p.PostId, p.Snippet.MatchedWords), p.ThreadSlug, p.ThreadTitle, p.AuthorName, p.AuthorSlug,
                p.PostedAt, p.Platforms.Select(x => x.ToString().ToLowerInvariant()).ToList(), p.Snippet.PlainText, p.Snippet.Html,
                p.Snippet.MatchedWords, Math.Round(p.Rank, 4), p.QuotedBy.Count,
                p.QuotedBy.Select(r => new QuotingReplyView(r.PostId, $"{Links.Post(r.ThreadSlug, r.PostId)}#{Links.PostId(r.PostId)}", r.AuthorName, r.AuthorSlug, r.PostedAt)).ToList()))
                .ToList());
    }
}

public sealed record CorrectionView(string Word, string Replacement);

public sealed record ThreadHitView(string Slug, string Title, string TitleHtml, string Url);

public sealed record SectionHitView(string ThreadSlug, string ThreadTitle, string Number, string Title, string TitleHtml, string Url);

public sealed record PostHitView(
    long Id, string Url, string ThreadSlug, string ThreadTitle, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt,
    IReadOnlyList<string> Platforms, string Snippet, string SnippetHtml, IReadOnlyList<string> MatchedWords, double Rank,
    int QuotedCount, IReadOnlyList<QuotingReplyView> QuotedBy);

public sealed record QuotingReplyView(long Id, string Url, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt);

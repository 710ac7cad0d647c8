using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Debate.Web.Features.Threads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Debate.Web.Features.Outline;

/// <summary>The debated report's sections, each with where to hear it and the posts that discuss it (mention it by number).</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class OutlineModel(DebateDbContext db) : PageModel
{
    /// <param name="Before">The text before the mention on its line, cut; <paramref name="Mention"/> and <paramref name="After"/> follow it.</param>
    public sealed record Discussion(long PostId, string AuthorName, string AuthorSlug, DateTimeOffset PostedAt, string Href, string Before, string Mention, string After);

    public sealed record Section(OutlineEntry Entry, string Id, string? AudioHref, string? AudioAt, IReadOnlyList<Discussion> Discussions);

    public ThreadHeader Thread { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await ReadingQueries.ThreadAsync(db, slug, cancellationToken);
        if (thread is null)
            return NotFound();
        Thread = thread;
        var numbers = thread.Outline.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
        var posts = numbers.Count == 0 ? [] : await ReadingQueries.PostsNamingSectionsAsync(db, thread.Id, cancellationToken);
        // The same rule as the thread page: a post discusses a section when its text links to it there.
        var discussions = posts
            .SelectMany(post => SectionMentions.Find(post.Text, numbers).DistinctBy(m => m.Number).Select(m => (m.Number, Discussion: Discuss(slug, post, m))))
            .ToLookup(d => d.Number, d => d.Discussion);
        Sections = thread.Outline.Select(entry =>
        {
            var audio = entry.Links.FirstOrDefault(l => l.Platform == Platform.Podcast && Links.AudioAt(l.Url, l.At) is not null);
            return new Section(entry, Links.SectionId(entry.Number), audio is null ? null : Links.AudioAt(audio.Url, audio.At), audio?.At, discussions[entry.Number].ToList());
        }).ToList();
        return Page();
    }

    private static Discussion Discuss(string slug, PostText post, SectionMention mention)
    {
        const int context = 70;
        var text = post.Text;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, mention.Start - 1)) + 1;
        var lineEnd = text.IndexOf('\n', mention.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var from = Math.Max(lineStart, mention.Start - context);
        var to = Math.Min(lineEnd, mention.End + context);
        return new Discussion(post.Id, post.AuthorName, post.AuthorSlug, post.PostedAt,
            Links.Post(slug, post.Id) + "#" + Links.MentionId(post.Id, mention.Start),
            (from > lineStart ? "…" : "") + text[from..mention.Start],
            text[mention.Start..mention.End],
            text[mention.End..to] + (to < lineEnd ? "…" : ""));
    }
}

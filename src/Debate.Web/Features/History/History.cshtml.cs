using System.Text;
using System.Text.Encodings.Web;
using Debate.Core.Data;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;
using Debate.Web.Features.Threads;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.History;

/// <summary>Every revision of a post, newest first, each with what changed from the one before and its full text, where quotes of it are marked.</summary>
[OutputCache(PolicyName = ThreadPageCache.PolicyName)]
public sealed class HistoryModel(DebateDbContext db) : PageModel
{
    /// <param name="Changes">What changed from the revision before, words removed in &lt;del&gt; and added in &lt;ins&gt;; null for the first.</param>
    public sealed record RevisionShown(int Number, DateTimeOffset At, bool IsCurrent, HtmlString? Changes, HtmlString Body, int QuoteCount);

    public ThreadHeader Thread { get; private set; } = null!;
    public string AuthorName { get; private set; } = "";
    public long PostId { get; private set; }
    public IReadOnlyList<RevisionShown> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken cancellationToken)
    {
        var found = await PostAddress.FindAsync(db, slug, id, cancellationToken);
        if (found.MovedElsewhere)
            return RedirectPermanent(Links.History(found.Location!.ThreadSlug, found.Location.Id));
        if (found is not { Thread: { } thread })
            return NotFound();
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id && !p.IsDeleted && !p.IsHidden)
            .Select(p => new
            {
                Author = p.Author!.DisplayName,
                p.CurrentRevisionId,
                Revisions = p.Revisions.OrderBy(r => r.Number).Select(r => new { r.Id, r.Number, r.Html, r.PlainText, r.CreatedAt, r.EditedAt }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
            return NotFound();
        var quotes = (await ReadingQueries.QuotesOfAsync(db, id, cancellationToken)).ToLookup(q => q.SourceRevisionId);

        Thread = thread;
        AuthorName = post.Author;
        PostId = id;
        Revisions = post.Revisions
            .Select((revision, i) => new RevisionShown(
                revision.Number,
                revision.EditedAt ?? revision.CreatedAt,
                revision.Id == post.CurrentRevisionId,
                i == 0 ? null : DiffHtml(RevisionDiff.Compare(post.Revisions[i - 1].PlainText, revision.PlainText)),
                MarkQuotes(id, revision.Number, revision.Html, quotes[revision.Id].ToList()),
                quotes[revision.Id].Count()))
            .Reverse()
            .ToList();
        return Page();
    }

    // Built here rather than in the page: the diff keeps the text's own whitespace, so markup must add none.
    private static HtmlString DiffHtml(IReadOnlyList<DiffPiece> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            var text = HtmlEncoder.Default.Encode(piece.Text);
            html.Append(piece.Kind switch
            {
                DiffKind.Removed => $"<del>{text}</del>",
                DiffKind.Added => $"<ins>{text}</ins>",
                _ => text,
            });
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>The words quoted from this revision, where the "edited since" links of quotes land; ids renamed so revisions can share the page.</summary>
    private HtmlString MarkQuotes(long postId, int number, string html, List<QuoteLink> quotes)
    {
        var body = PostDecorator.Open(html);
        body.RenameIds(id => id.StartsWith($"p{postId}-", StringComparison.Ordinal) ? $"p{postId}-r{number}-{id[$"p{postId}-".Length..]}" : id);
        var decorations = quotes
            .GroupBy(q => (q.AnchorStart, q.AnchorEnd))
            .Select(g =>
            {
                var spanId = Links.RevisionSpanId(postId, number, g.Key.AnchorStart, g.Key.AnchorEnd);
                var first = g.First();
                return new SpanDecoration(g.Key.AnchorStart, g.Key.AnchorEnd)
                {
                    ExpectedText = first.Exact,
                    Wrap = new HtmlTag("mark") { Id = spanId }.With("class", "quoted-span").With("data-span", spanId),
                    After = new HtmlTag("a")
                        .With("class", "quoted-by")
                        .With("href", Links.Post(first.QuotingThreadSlug, first.QuotingPostId) + "#" + Links.QuoteId(first.QuotingPostId, first.Id))
                        .With("data-label", $"quoted by {g.Select(q => q.QuotingPostId).Distinct().Count()}")
                        .With("aria-label", "Quoted by " + string.Join(", ", g.Select(q => q.QuotingAuthor).Distinct(StringComparer.Ordinal))),
                };
            });
        return new HtmlString(body.Decorate(decorations));
    }
}

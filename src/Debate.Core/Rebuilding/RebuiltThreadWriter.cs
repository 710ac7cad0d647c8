using System.Text;
using System.Text.RegularExpressions;
using Debate.Core.Anchoring;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Reconstruction;

namespace Debate.Core.Rebuilding;

/// <summary>
/// Writes a reviewed reconstruction as a debate-thread/1 document: each comment's lines become Markdown
/// (quotes and embeds as blockquotes), quotes are anchored to the span of their source they quote,
/// embedded tweets become Twitter provenance over their span, and a quote of an earlier wording gives its
/// source a first revision with that wording.
/// </summary>
public static partial class RebuiltThreadWriter
{
    public const string UnknownAuthor = "unknown";

    // At most six digits: a footnote number, not any bracketed number (which could overflow an int).
    [GeneratedRegex(@"(?<=\S)\[(\d{1,6})\]")]
    private static partial Regex FootnoteMarker();

    [GeneratedRegex(@"^(\s*)([#>+\-*]\s|\d+[.)]\s)")]
    private static partial Regex BlockMarker();

    private sealed record Paragraph(int Line, string Text, LineMark? Mark);

    private sealed class Draft(ReviewComment comment, string id)
    {
        public ReviewComment Comment { get; } = comment;
        public string Id { get; } = id;
        public List<Paragraph> Paragraphs { get; } = [];
        public Dictionary<int, string> EarlierWording { get; } = [];
        public List<string> Revisions { get; } = [];
        public List<string> PlainTexts { get; } = [];
    }

    public static ThreadDocument Write(ReviewedPage page, CorrectionsDocument corrections, List<OutlineInfo> outline)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(corrections);
        var order = PageOrder(page);
        var drafts = page.Comments
            .OrderBy(c => c.Lines.Min(l => order[l]))
            .Select((c, i) => new Draft(c, $"c{i + 1}"))
            .ToList();
        var byComment = drafts.ToDictionary(d => d.Comment);
        Draft DraftHolding(int line) => byComment[page.CommentHolding(line)];

        foreach (var draft in drafts)
            draft.Paragraphs.AddRange(ParagraphsOf(page, draft.Comment, order));

        // A quote of wording its source no longer has is the source's earlier revision.
        foreach (var draft in drafts)
        {
            foreach (var paragraph in draft.Paragraphs.Where(p => p.Mark is { EarlierWording: true, SourceLine: int }))
                DraftHolding(paragraph.Mark!.SourceLine!.Value).EarlierWording[paragraph.Mark.SourceLine.Value] = QuoteLocator.Clean(paragraph.Text);
        }
        foreach (var draft in drafts)
        {
            if (draft.EarlierWording.Count > 0)
                draft.Revisions.Add(Body(draft.Paragraphs.Select(p => draft.EarlierWording.TryGetValue(p.Line, out var earlier) ? p with { Text = earlier } : p)));
            draft.Revisions.Add(Body(draft.Paragraphs));
            draft.PlainTexts.AddRange(draft.Revisions.Select(b => MarkdownRenderer.Render(b, "x").PlainText));
        }

        var authors = corrections.Authors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var posts = drafts.Select((draft, index) => new PostInfo
        {
            Id = draft.Id,
            ParentId = draft.Comment.Parent is { } parent ? byComment[parent].Id : null,
            AuthorId = draft.Comment.AuthorId is string author && authors.ContainsKey(author) ? author : UnknownAuthor,
            PostedAt = corrections.PostedFrom.AddMinutes(index),
            Body = draft.Revisions[^1],
            Revisions = draft.Revisions.Select((body, i) => new RevisionInfo { Number = i + 1, Body = body }).ToList(),
            Provenance = [new ProvenanceInfo { Platform = corrections.Platform, Relation = ProvenanceRelation.Original }, .. EmbedSpans(draft)],
            Quotes = Quotes(draft, DraftHolding, page),
            Claims = page.Claims.Where(c => page.CommentHolding(c.Line) == draft.Comment).Select(c => Claim(draft, c)).ToList(),
        }).ToList();

        var usedAuthors = posts.Select(p => p.AuthorId).ToHashSet(StringComparer.Ordinal);
        var authorList = corrections.Authors.Where(a => usedAuthors.Contains(a.Id)).ToList();
        if (usedAuthors.Contains(UnknownAuthor) && !authors.ContainsKey(UnknownAuthor))
            authorList.Add(new AuthorInfo { Id = UnknownAuthor, DisplayName = "Unknown author" });

        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = corrections.Thread with { Reconstructed = true, Outline = outline.Count > 0 ? outline : corrections.Thread.Outline },
            Authors = authorList,
            Tags = corrections.Tags,
            Posts = posts,
        };
    }

    /// <summary>
    /// Where each line stands in the conversation: a first-rendering line at its own number, a line of the
    /// second rendering at the line it renders, and a line only the second rendering kept just after the
    /// line before it. So a comment that only the second rendering kept is ordered among the others.
    /// </summary>
    private static Dictionary<int, double> PageOrder(ReviewedPage page)
    {
        var order = new Dictionary<int, double>();
        var previous = 0.0;
        foreach (var line in page.Lines)
        {
            previous = line.Role switch
            {
                LineRoles.Rerender when line.Renders is int rendered => rendered,
                LineRoles.RerenderOnly => previous + 0.001,
                _ when page.IsSecondRendering(line.Number) => previous,
                _ => line.Number,
            };
            order[line.Number] = previous;
        }
        return order;
    }

    /// <summary>
    /// The comment's paragraphs in conversation order; second renderings of its own lines add nothing.
    /// The second rendering strips quotes, so a line only it kept cannot be placed among them: one that
    /// would open the comment goes after the quote the comment opens with, where a reply starts.
    /// </summary>
    private static List<Paragraph> ParagraphsOf(ReviewedPage page, ReviewComment comment, Dictionary<int, double> order)
    {
        var paragraphs = comment.Lines
            .Select(page.Line)
            .Where(l => l.Role != LineRoles.Blank && !(l.Role == LineRoles.Rerender && l.Renders is int r && comment.Lines.Contains(r)))
            .OrderBy(l => order[l.Number]).ThenBy(l => l.Number)
            .Select(l => new Paragraph(l.Number, l.Text.Trim(), comment.Marks.GetValueOrDefault(l.Number)))
            .ToList();
        var leadingSecondOnly = paragraphs.TakeWhile(p => page.Line(p.Line).Role == LineRoles.RerenderOnly).Count();
        var openingQuotes = paragraphs.Skip(leadingSecondOnly).TakeWhile(p => p.Mark is { Kind: QuoteKinds.Quote }).Count();
        if (leadingSecondOnly > 0 && openingQuotes > 0)
        {
            var moved = paragraphs.GetRange(0, leadingSecondOnly);
            paragraphs.RemoveRange(0, leadingSecondOnly);
            paragraphs.InsertRange(openingQuotes, moved);
        }
        return paragraphs;
    }

    private static string Body(IEnumerable<Paragraph> paragraphs)
    {
        var blocks = new List<string>();
        var footnotes = new SortedSet<int>();
        Paragraph? previous = null;
        foreach (var paragraph in paragraphs)
        {
            var text = FootnoteMarker().Replace(Escape(paragraph.Text), m =>
            {
                footnotes.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                return $"[^{m.Groups[1].Value}]";
            });
            var quoted = paragraph.Mark is not null;
            // Consecutive quotes of one source read as one blockquote of several paragraphs.
            var continues = quoted && previous?.Mark is { Kind: QuoteKinds.Quote } before && paragraph.Mark!.Kind == QuoteKinds.Quote
                && before.SourceLine is int a && paragraph.Mark.SourceLine is int b && Math.Abs(a - b) <= 1;
            if (continues)
                blocks[^1] += "\n>\n> " + text;
            else
                blocks.Add(quoted ? "> " + text : text);
            previous = paragraph;
        }
        foreach (var number in footnotes)
            blocks.Add($"[^{number}]: The text of this footnote was not captured in the scraped page.");
        return string.Join("\n\n", blocks);
    }

    /// <summary>Scraped text is prose: a line that happens to start like a list item or heading stays prose.</summary>
    private static string Escape(string text) => BlockMarker().Replace(text, m => m.Groups[1].Value + "\\" + m.Groups[2].Value);

    private static List<QuoteInfo> Quotes(Draft draft, Func<int, Draft> draftHolding, ReviewedPage page)
    {
        var quotes = new List<QuoteInfo>();
        foreach (var paragraph in draft.Paragraphs.Where(p => p.Mark is { Kind: QuoteKinds.Quote, SourceLine: int }))
        {
            var sourceLine = paragraph.Mark!.SourceLine!.Value;
            var source = draftHolding(sourceLine);
            if (source == draft)
                continue;
            var revision = paragraph.Mark.EarlierWording && source.Revisions.Count > 1 ? 1 : source.Revisions.Count;
            var text = source.PlainTexts[revision - 1];
            var near = LineStart(source, revision, sourceLine);
            if (QuoteLocator.Find(text, paragraph.Text, near) is not var (start, end))
                continue;
            var anchor = TextAnchoring.Create(text, start, end);
            quotes.Add(new QuoteInfo
            {
                SourcePostId = source.Id,
                SourceRevision = revision,
                Exact = anchor.Exact,
                Prefix = anchor.Prefix,
                Suffix = anchor.Suffix,
                Start = anchor.Start,
                End = anchor.End,
                Status = revision == source.Revisions.Count ? AnchorStatus.Anchored : AnchorStatus.Orphaned,
            });
        }
        return quotes;
    }

    /// <summary>
    /// Where a line of the page starts in a revision of its comment: the comment's lines found one after another, so
    /// that a line repeating words of an earlier one is found at its own place, not at the earlier words.
    /// </summary>
    private static int LineStart(Draft draft, int revision, int line)
    {
        var text = draft.PlainTexts[revision - 1];
        var earlier = revision < draft.Revisions.Count;
        var from = 0;
        foreach (var paragraph in draft.Paragraphs)
        {
            var words = earlier && draft.EarlierWording.TryGetValue(paragraph.Line, out var wording) ? wording : paragraph.Text;
            if (QuoteLocator.Find(text, words, from) is not var (start, end))
                continue;
            if (paragraph.Line == line)
                return start;
            from = end;
        }
        return 0;
    }

    /// <summary>Each embedded item (a reposted tweet) is provenance of its own over the span of the comment it fills.</summary>
    private static IEnumerable<ProvenanceInfo> EmbedSpans(Draft draft)
    {
        var text = draft.PlainTexts[^1];
        var searchFrom = 0;
        foreach (var paragraph in draft.Paragraphs.Where(p => p.Mark is { Kind: QuoteKinds.Embed }))
        {
            if (QuoteLocator.Find(text, paragraph.Text, searchFrom) is not var (start, end))
                continue;
            searchFrom = end;
            yield return new ProvenanceInfo
            {
                Platform = paragraph.Mark!.Platform ?? Platform.Twitter,
                Relation = ProvenanceRelation.Original,
                SpanStart = start,
                SpanEnd = end,
            };
        }
    }

    private static ClaimInfo Claim(Draft draft, CorrectionStep step)
    {
        var text = draft.PlainTexts[^1];
        var anchor = TextAnchoring.CreateUnique(text, step.Exact!)
            ?? throw new ArgumentException($"claim \"{step.Exact}\" does not stand exactly once in the comment holding line {step.Line}");
        return new ClaimInfo
        {
            Tag = step.Tag!,
            Stance = step.Stance!.Value,
            Exact = anchor.Exact,
            Prefix = anchor.Prefix,
            Suffix = anchor.Suffix,
            Start = anchor.Start,
            End = anchor.End,
            Revision = draft.Revisions.Count,
        };
    }
}

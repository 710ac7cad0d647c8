using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Core.Seeding;
using Xunit;

namespace Debate.Core.Tests.Rebuilding;

/// <summary>The demo thread as the product rebuilds it from the scraped seed page and the reviewed corrections.</summary>
public class SeedRebuildTests
{
    private static readonly ThreadDocument Seed = DemoSeeder.Rebuild().Document;

    private static PostInfo Post(string id) => Seed.Posts.Single(p => p.Id == id);

    private static PostInfo PostStarting(string text) =>
        Seed.Posts.Single(p => p.Body.StartsWith(text, StringComparison.Ordinal));

    [Fact]
    public void Has_all_18_comments_with_their_authors_and_nesting()
    {
        Assert.Equal(18, Seed.Posts.Count);
        Assert.DoesNotContain(Seed.Posts, p => p.AuthorId == "unknown");
        var byId = Seed.Posts.ToDictionary(p => p.Id);
        string? ParentAuthor(PostInfo post) => post.ParentId is null ? null : byId[post.ParentId].AuthorId;

        var reposted = PostStarting("Reposting my response on Twitter");
        Assert.Equal("quintin-pope", reposted.AuthorId);
        Assert.Null(reposted.ParentId);
        var evan = PostStarting("I really don’t like all this discussion");
        Assert.Equal(reposted.Id, evan.ParentId);
        var apology = PostStarting("> If anything, I’ve taken my part");
        Assert.Equal("evan-hubinger", apology.AuthorId);
        Assert.Equal("quintin-pope", ParentAuthor(apology));
        Assert.Equal(2, Seed.Posts.Count(p => p.AuthorId == "joe-carlsmith"));
        Assert.Equal(2, Seed.Posts.Count(p => p.AuthorId == "quetzal-rainbow"));
    }

    [Fact]
    public void The_reposted_tweets_are_twitter_provenance_over_their_spans_of_the_lesswrong_comment()
    {
        var reposted = Post("c1");
        var text = MarkdownRenderer.Render(reposted.Body, "x").PlainText;

        Assert.Equal(Platform.LessWrong, reposted.Provenance[0].Platform);
        var tweets = reposted.Provenance.Where(p => p.Platform == Platform.Twitter).ToList();
        // seed-002-truth.json: c1 embeds 26 reposted tweets, one a line (lines 2-19 and 21-28): a span over each, in order
        // (a span leaves out a leading "...").
        var lines = Debate.Core.Tests.Reconstruction.TestData.SeedLines;
        var embedded = Enumerable.Range(2, 18).Concat(Enumerable.Range(21, 8)).Select(line => lines[line - 1].TrimStart('.')[..30]).ToList();
        Assert.All(tweets, t => Assert.NotNull(t.SpanStart));
        Assert.Equal(embedded, tweets.Select(t => text[t.SpanStart!.Value..t.SpanEnd!.Value][..30]));
        Assert.Equal(26, tweets.Count);
        Assert.StartsWith("I just skimmed the section headers", text[tweets[0].SpanStart!.Value..tweets[0].SpanEnd!.Value], StringComparison.Ordinal);
        Assert.DoesNotContain(tweets, t => text[t.SpanStart!.Value..t.SpanEnd!.Value].StartsWith("Reposting", StringComparison.Ordinal));
    }

    [Fact]
    public void The_edited_comment_keeps_two_revisions_and_the_reply_quotes_the_first()
    {
        var edited = PostStarting("I really don’t like all this discussion");
        Assert.Equal(2, edited.Revisions.Count);
        Assert.StartsWith("I really don’t like that you’ve taken this discussion to Twitter.", edited.Revisions[0].Body, StringComparison.Ordinal);

        var reply = PostStarting("> I really don’t like that you’ve taken");
        var quote = reply.Quotes.Single(q => q.SourcePostId == edited.Id);
        Assert.Equal(1, quote.SourceRevision);
        Assert.Equal(AnchorStatus.Orphaned, quote.Status);
        var firstText = MarkdownRenderer.Render(edited.Revisions[0].Body, "x").PlainText;
        Assert.Equal(quote.Exact, firstText[quote.Start..quote.End]);
    }

    [Fact]
    public void Every_quote_is_anchored_to_the_exact_span_of_its_source()
    {
        var byId = Seed.Posts.ToDictionary(p => p.Id);
        var quotes = Seed.Posts.SelectMany(p => p.Quotes).ToList();

        Assert.Equal(27, quotes.Count); // every quoted paragraph of the human reading (seed-002-truth.json)
        foreach (var quote in quotes)
        {
            var source = byId[quote.SourcePostId];
            var text = MarkdownRenderer.Render(source.Revisions[quote.SourceRevision - 1].Body, "x").PlainText;
            Assert.Equal(quote.Exact, text[quote.Start..quote.End]);
        }
        // "toachieve" in the quote, "toachieve" in the source: a quote with a lost space still anchors.
        Assert.Contains(quotes, q => q.Exact.Contains("toachieve", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_of_words_its_source_says_twice_anchors_at_the_line_it_was_taken_from()
    {
        // seed-002-truth.json: c2 quotes c1's lines 6, 7 and 8; line 6 ends with the very words line 8 consists of.
        var lines = Debate.Core.Tests.Reconstruction.TestData.SeedLines;
        var source = Seed.Posts[0];
        var text = MarkdownRenderer.Render(source.Body, "x").PlainText;
        var line8 = lines[7].Trim();
        var quote = Post("c2").Quotes.Single(q => q.SourcePostId == source.Id && q.Exact == line8);
        var atLine6 = text.IndexOf(line8, StringComparison.Ordinal);
        var atLine8 = text.IndexOf(line8, atLine6 + 1, StringComparison.Ordinal);

        Assert.True(atLine6 >= 0 && atLine8 > atLine6, "c1 says the words twice");
        Assert.Equal((atLine8, atLine8 + line8.Length), (quote.Start, quote.End));
    }

    [Fact]
    public void Footnote_markers_render_as_footnotes()
    {
        var html = MarkdownRenderer.Render(PostStarting("> The problem is that figuring out").Body, "p3-").Html;

        Assert.Contains("class=\"footnote-ref\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outline_comes_from_the_podcast_page_with_timestamps()
    {
        var speed = Seed.Thread.Outline.Single(s => s.Number == "4.4");

        Assert.Equal("Speed arguments", speed.Title);
        Assert.Equal("05:16:10", speed.Links.Single().At);
        Assert.Equal(Platform.Podcast, speed.Links.Single().Platform);
        Assert.True(Seed.Thread.Reconstructed);
    }

    [Fact]
    public void The_main_claims_are_tagged_with_the_stances_the_participants_took()
    {
        var claims = Seed.Posts.SelectMany(p => p.Claims.Select(c => (Post: p, Claim: c))).ToList();

        foreach (var tag in new[] { "counting-argument", "simplicity-argument", "speed-argument", "slack-in-training", "reversal-curse", "goal-guarding" })
            Assert.Contains(claims, c => c.Claim.Tag == tag);
        Assert.Contains(claims, c => c.Claim.Tag == "counting-argument" && c.Claim.Stance == Stance.Opposes && c.Post.AuthorId == "quintin-pope");
        Assert.Contains(claims, c => c.Claim.Tag == "speed-argument" && c.Claim.Stance == Stance.Supports && c.Post.AuthorId == "joe-carlsmith");
        Assert.Contains(claims, c => c.Claim.Tag == "slack-in-training" && c.Claim.Stance == Stance.Opposes && c.Post.AuthorId == "evan-hubinger");
    }

    [Fact]
    public void The_rebuilt_document_is_a_valid_thread_file() =>
        Assert.Empty(ThreadDocumentReader.Validate(Seed));
}

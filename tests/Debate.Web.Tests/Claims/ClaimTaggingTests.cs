using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Claims;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Claims;

public class ClaimTaggingTests(ClaimTaggingTests.Fixture fixture) : IClassFixture<ClaimTaggingTests.Fixture>
{
    private const string Slug = ClaimsAppFixture.Slug;
    private const string SpeedWords = "the amount of world-modelling matters";

    public sealed class Fixture : ClaimsAppFixture
    {
        public HttpClient Member { get; private set; } = null!;
        public HttpClient PostAuthor { get; private set; } = null!;
        public HttpClient Moderator { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Member = await LoggedInClientAsync("proposer");
            PostAuthor = await LoggedInClientAsync("quintin");
            await LinkToAuthorAsync("quintin", "quintin-pope");
            Moderator = await LoggedInClientAsync("mod", AccountRoles.Moderator);
        }
    }

    private long Id(string key) => fixture.Ids[key];

    private string ClaimsPage(string key) => $"/t/{Slug}/p/{Id(key)}/claims";

    private Task<HttpResponseMessage> TagAsync(HttpClient client, string key, string exact, string tag, string stance, string? statement = null, int? start = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Exact"] = exact,
            ["Input.TagName"] = tag,
            ["Input.Stance"] = stance,
        };
        if (statement is not null)
            fields["Input.Statement"] = statement;
        if (start is not null)
            fields["Input.Start"] = start.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return client.SubmitAsync(ClaimsPage(key), fields, "form.claim-form");
    }

    private async Task<ClaimTag> ClaimAsync(string key, string exact)
    {
        await using var db = fixture.CreateContext();
        return await db.ClaimTags.Include(c => c.Tag).Where(c => c.PostId == Id(key) && c.Anchor.Exact == exact).OrderByDescending(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task A_member_proposes_a_new_tag_on_words_of_a_post_and_it_waits_for_confirmation()
    {
        using var response = await TagAsync(fixture.Member, "a1", SpeedWords, "Speed argument", "opposes", "Schemers' extra reasoning costs them speed.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await ClaimAsync("a1", SpeedWords);
        Assert.Equal("speed-argument", claim.Tag!.Name);
        Assert.Equal("Schemers' extra reasoning costs them speed.", claim.Tag.Statement);
        Assert.Equal(ClaimState.Proposed, claim.State);
        Assert.Equal(Stance.Opposes, claim.Stance);
        var text = ReadingThread.PlainText(ReadingThread.RootBody);
        Assert.Equal(text.IndexOf(SpeedWords, StringComparison.Ordinal), claim.CurrentStart);
        await using var db = fixture.CreateContext();
        var logged = await db.ModerationActions.SingleAsync(a => a.Kind == ClaimTagging.ProposeKind && a.PostId == Id("a1") && a.Summary.Contains("speed-argument"));
        Assert.Equal("proposer", logged.ActorName);
        Assert.Equal("proposed", logged.After!.RootElement.GetProperty("state").GetString());
        // Not on the thread yet; listed as proposed on the post's claims page, with no buttons for the proposer.
        var thread = await fixture.Member.GetDocumentAsync($"/t/{Slug}/p/{Id("a1")}");
        Assert.Null(thread.QuerySelector($"mark#p{Id("a1")}-c{claim.Id}"));
        var page = await fixture.Member.GetDocumentAsync(ClaimsPage("a1"));
        var entry = page.QuerySelector($"#p{Id("a1")}-c{claim.Id}-entry")!;
        Assert.Contains("proposed", entry.TextContent, StringComparison.Ordinal);
        Assert.Null(entry.QuerySelector("form"));
    }

    [Fact]
    public async Task The_posts_author_confirms_a_proposed_tag_and_it_shows_on_the_thread()
    {
        const string words = "draw llamas in their early layers";
        using (await TagAsync(fixture.Member, "a1", words, "counting-argument", "opposes")) { }
        var claim = await ClaimAsync("a1", words);

        using var response = await fixture.PostAuthor.SubmitAsync(ClaimsPage("a1"), new Dictionary<string, string>(), $"#p{Id("a1")}-c{claim.Id}-entry form.confirm-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmed = await ClaimAsync("a1", words);
        Assert.Equal(ClaimState.Confirmed, confirmed.State);
        var thread = await fixture.Member.GetDocumentAsync($"/t/{Slug}/p/{Id("a1")}");
        Assert.Equal(words, thread.QuerySelector($"mark#p{Id("a1")}-c{claim.Id}")!.TextContent);
        await using var db = fixture.CreateContext();
        var logged = await db.ModerationActions.SingleAsync(a => a.Kind == ClaimTagging.ConfirmKind && a.Summary.Contains("draw llamas"));
        Assert.Equal("quintin", logged.ActorName);
        Assert.Equal("proposed", logged.Before!.RootElement.GetProperty("state").GetString());
        Assert.Equal("confirmed", logged.After!.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_member_who_is_not_the_author_may_not_confirm_or_remove()
    {
        const string words = "nothing is saved by supposing it does so for a motive";
        using (await TagAsync(fixture.Member, "a2", words, "counting-argument", "supports")) { }
        var claim = await ClaimAsync("a2", words);

        // The member's own page has a form (the tagging one) whose token they may send to the confirm handler.
        using var confirm = await fixture.Member.SubmitAsync(ClaimsPage("a2") + $"?handler=Confirm&claimId={claim.Id}", new Dictionary<string, string>(), "form.claim-form");
        using var remove = await fixture.PostAuthor.SubmitAsync(ClaimsPage("a2") + $"?handler=Remove&claimId={claim.Id}", new Dictionary<string, string>(), "form.claim-form");

        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        // Quintin wrote a1, not a2.
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(ClaimState.Proposed, (await ClaimAsync("a2", words)).State);
    }

    [Fact]
    public async Task A_moderator_removes_a_confirmed_tag_softly_and_it_leaves_the_thread_and_the_tag_page()
    {
        const string words = "each extra computation the network performs is a constraint on its weights";
        using (await TagAsync(fixture.Moderator, "a4", words, "counting-argument", "neutral")) { }
        var claim = await ClaimAsync("a4", words);
        Assert.Equal(ClaimState.Confirmed, claim.State);
        var before = await fixture.Member.GetDocumentAsync("/tags/counting-argument");
        Assert.NotNull(before.QuerySelector($"#claim-{claim.Id}"));

        using var response = await fixture.Moderator.SubmitAsync(ClaimsPage("a4"), new Dictionary<string, string>(), $"#p{Id("a4")}-c{claim.Id}-entry form.remove-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClaimState.Removed, (await ClaimAsync("a4", words)).State);
        var after = await fixture.Member.GetDocumentAsync("/tags/counting-argument");
        Assert.Null(after.QuerySelector($"#claim-{claim.Id}"));
        var thread = await fixture.Member.GetDocumentAsync($"/t/{Slug}/p/{Id("a4")}");
        Assert.Null(thread.QuerySelector($"mark#p{Id("a4")}-c{claim.Id}"));
    }

    [Fact]
    public async Task Words_that_are_not_in_the_post_are_refused_beside_the_field_and_nothing_is_written()
    {
        var rows = await fixture.CountRowsAsync();

        using var response = await TagAsync(fixture.Member, "a1", "words the post never said", "brand-new-claim", "supports", "A claim.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("These words are not in the post's current text, exactly as written.", page.QuerySelector("#exact-error")!.TextContent);
        Assert.Equal("brand-new-claim", page.QuerySelector("#Input_TagName")!.GetAttribute("value"));
        Assert.Equal("words the post never said", page.QuerySelector("#Input_Exact")!.TextContent.Trim());
        Assert.Equal(rows, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_start_offset_far_past_the_text_is_ignored_for_the_one_place_the_words_stand()
    {
        using var response = await TagAsync(fixture.Member, "a1", SpeedWords, "overflowing-start", "supports", "A claim.", start: int.MaxValue);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await ClaimAsync("a1", SpeedWords);
        Assert.Equal("overflowing-start", claim.Tag!.Name);
    }

    [Fact]
    public async Task Words_with_an_emoji_where_the_log_cuts_them_are_tagged_and_logged()
    {
        // 56 characters, then an emoji across the 57th and 58th: the log's summary cuts long words at 57.
        var words = "Emoji cut: " + new string('w', 45) + "\U0001F600 and the words that follow it here.";
        using var reply = await fixture.Member.SubmitAsync($"/t/{Slug}/reply?to={Id("a1")}", new Dictionary<string, string> { ["Input.Body"] = words }, "form.reply-form");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var location = reply.Headers.Location!.ToString();
        var postId = long.Parse(location[(location.LastIndexOf("#p", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

        using var response = await fixture.Member.SubmitAsync($"/t/{Slug}/p/{postId}/claims",
            new Dictionary<string, string> { ["Input.Exact"] = words, ["Input.TagName"] = "emoji-cut", ["Input.Stance"] = "supports", ["Input.Statement"] = "A claim." },
            "form.claim-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.CreateContext();
        var claim = await db.ClaimTags.SingleAsync(c => c.PostId == postId);
        var logged = await db.ModerationActions.Where(a => a.PostId == postId).Select(a => a.Summary).SingleAsync();
        Assert.Equal(words, claim.Anchor.Exact);
        Assert.Contains("Emoji cut: " + new string('w', 45) + "…", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_thread_api_gives_readers_confirmed_claims_only_and_moderators_the_proposals_too()
    {
        using var proposed = await TagAsync(fixture.Member, "a1", SpeedWords, "api-proposal", "supports", "A proposal.");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        using var anonymous = System.Text.Json.JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync($"/api/threads/{Slug}"));
        using var moderator = System.Text.Json.JsonDocument.Parse(await fixture.Moderator.GetStringAsync($"/api/threads/{Slug}"));

        static List<string> ClaimTags(System.Text.Json.JsonDocument d) =>
            d.RootElement.GetProperty("posts").EnumerateArray().SelectMany(p => p.GetProperty("claims").EnumerateArray()).Select(c => c.GetProperty("tag").GetString()!).ToList();
        static List<string> Tags(System.Text.Json.JsonDocument d) =>
            d.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.DoesNotContain("api-proposal", ClaimTags(anonymous));
        Assert.DoesNotContain("api-proposal", Tags(anonymous));
        Assert.Contains("api-proposal", ClaimTags(moderator));
        Assert.Contains("api-proposal", Tags(moderator));
    }

    [Fact]
    public async Task A_new_tag_needs_a_statement()
    {
        using var response = await TagAsync(fixture.Member, "a1", SpeedWords, "never-stated", "supports");

        var page = await response.ReadDocumentAsync();
        Assert.Contains("is a new tag", page.QuerySelector("#statement-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_synonyms_are_refused_beside_the_field_and_nothing_is_written()
    {
        var before = await fixture.DumpTablesAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Exact"] = SpeedWords,
            ["Input.TagName"] = "many-names",
            ["Input.Stance"] = "supports",
            ["Input.Statement"] = "A tag that would take many names.",
            ["Input.Synonyms"] = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"future-name-{i}")),
        };

        using var response = await fixture.Member.SubmitAsync(ClaimsPage("a1"), fields, "form.claim-form");

        var page = await response.ReadDocumentAsync();
        Assert.Equal(TagNames.SynonymsRule, page.QuerySelector("#synonyms-error")!.TextContent.Trim());
        Assert.Equal(fields["Input.Synonyms"], page.QuerySelector("input[name='Input.Synonyms']")!.GetAttribute("value"));
        Assert.Equal(before, await fixture.DumpTablesAsync());
    }

    [Fact]
    public async Task A_statement_with_characters_xml_forbids_still_draws_the_argument_map()
    {
        // U+0001 and U+FFFE are text to a form but may not stand in the SVG the argument page draws.
        using var tagged = await TagAsync(fixture.PostAuthor, "a1", SpeedWords, "control-characters", "supports", "Speed \u0001matters\uFFFE.");
        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        Assert.Equal(ClaimState.Confirmed, (await ClaimAsync("a1", SpeedWords)).State);

        using var response = await fixture.App.CreateClient().GetAsync($"/t/{Slug}/arguments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = (await response.ReadDocumentAsync()).QuerySelector("svg.argument-map")!;
        Assert.Contains("Speed matters.", svg.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_that_stand_more_than_once_ask_which_place_and_the_chosen_place_is_tagged()
    {
        const string words = "constraints shrink the volume of configurations";
        var text = ReadingThread.PlainText(ReadingThread.RootBody);
        var second = text.IndexOf(words, text.IndexOf(words, StringComparison.Ordinal) + 1, StringComparison.Ordinal);

        using var ambiguous = await TagAsync(fixture.Member, "a1", words, "counting-argument", "supports");

        var page = await ambiguous.ReadDocumentAsync();
        Assert.Contains("stand 3 times", page.QuerySelector("#start-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("fieldset.places input[type=radio]").Length);

        using var chosen = await TagAsync(fixture.Member, "a1", words, "counting-argument", "supports", start: second);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var claim = await ClaimAsync("a1", words);
        Assert.Equal(second, claim.Anchor.Start);
    }

    [Fact]
    public async Task A_synonym_typed_as_the_tag_finds_the_tag_it_names()
    {
        await using (var db = fixture.CreateContext())
        {
            db.Tags.Add(new Tag { Name = "goal-guarding", Statement = "Almost any long-term goal is guarded by training-gaming.", Synonyms = ["goal guarding"], CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var response = await TagAsync(fixture.Member, "a2", "I really don't like all this discussion", "goal guarding", "questions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("goal-guarding", (await ClaimAsync("a2", "I really don't like all this discussion")).Tag!.Name);
    }

    [Fact]
    public async Task The_claims_page_needs_a_signed_in_user_and_keeps_the_selection_through_login()
    {
        var anonymous = fixture.App.CreateBrowserLikeClient();

        using var response = await anonymous.GetAsync(ClaimsPage("a1") + "?exact=draw%20llamas&start=10");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("draw%2520llamas", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tagging_confirming_and_removing_without_the_antiforgery_token_are_refused()
    {
        var rows = await fixture.CountRowsAsync();

        using var tag = await fixture.Moderator.PostWithoutTokenAsync(ClaimsPage("a1"), new Dictionary<string, string>
        {
            ["Input.Exact"] = SpeedWords, ["Input.TagName"] = "counting-argument", ["Input.Stance"] = "supports",
        });
        using var confirm = await fixture.Moderator.PostWithoutTokenAsync(ClaimsPage("a1") + "?handler=Confirm&claimId=1");
        using var remove = await fixture.Moderator.PostWithoutTokenAsync(ClaimsPage("a1") + "?handler=Remove&claimId=1");

        Assert.Equal(HttpStatusCode.BadRequest, tag.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Equal(rows, await fixture.CountRowsAsync());
    }
}

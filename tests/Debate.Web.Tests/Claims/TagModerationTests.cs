using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Claims;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Claims;

public class TagModerationTests(TagModerationTests.Fixture fixture) : IClassFixture<TagModerationTests.Fixture>
{
    public sealed class Fixture : ClaimsAppFixture
    {
        public HttpClient Moderator { get; private set; } = null!;
        public HttpClient Member { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Moderator = await LoggedInClientAsync("tagmod", AccountRoles.Moderator);
            Member = await LoggedInClientAsync("plain-member");
        }
    }

    /// <summary>A tag with one confirmed claim on a1, named and worded for the test.</summary>
    private async Task<(Tag Tag, ClaimTag Claim)> TagWithClaimAsync(string name, string words, params string[] synonyms)
    {
        await using var db = fixture.CreateContext();
        var post = await db.Posts.Include(p => p.CurrentRevision).SingleAsync(p => p.Id == fixture.Ids["a1"]);
        var tag = new Tag { Name = name, Statement = $"The {name} claim.", Synonyms = [.. synonyms], CreatedAt = DateTimeOffset.UtcNow };
        var anchor = Debate.Core.Anchoring.TextAnchoring.CreateUnique(post.CurrentRevision!.PlainText, words)!;
        var claim = new ClaimTag
        {
            PostId = post.Id, RevisionId = post.CurrentRevision.Id, Tag = tag, Stance = Stance.Supports, Anchor = anchor,
            Status = AnchorStatus.Anchored, CurrentRevisionId = post.CurrentRevision.Id, CurrentStart = anchor.Start, CurrentEnd = anchor.End,
            State = ClaimState.Confirmed, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ClaimTags.Add(claim);
        await db.SaveChangesAsync();
        return (tag, claim);
    }

    private Task<HttpResponseMessage> RenameAsync(string name, string newName) =>
        fixture.Moderator.SubmitAsync("/moderation/tags", new Dictionary<string, string> { ["Rename.Name"] = name, ["Rename.NewName"] = newName }, "form.rename-form");

    private Task<HttpResponseMessage> MergeAsync(string from, string into) =>
        fixture.Moderator.SubmitAsync("/moderation/tags", new Dictionary<string, string> { ["Merge.From"] = from, ["Merge.Into"] = into }, "form.merge-form");

    private Task<HttpResponseMessage> UndoAsync(long actionId) =>
        fixture.Moderator.SubmitAsync("/moderation/tags", new Dictionary<string, string>(), $"#action-{actionId} form");

    private async Task<long> LastActionAsync(string kind)
    {
        await using var db = fixture.CreateContext();
        return await db.ModerationActions.Where(a => a.Kind == kind).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    private async Task<Tag> ReloadAsync(long id)
    {
        await using var db = fixture.CreateContext();
        return await db.Tags.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    [Fact]
    public async Task Two_moderators_merging_two_tags_into_each_other_at_once_make_one_merge_never_a_loop()
    {
        for (var round = 0; round < 8; round++)
        {
            var (east, _) = await TagWithClaimAsync($"race-east-{round}", Reading.ReadingThread.CountingWords);
            var (west, _) = await TagWithClaimAsync($"race-west-{round}", Reading.ReadingThread.CountingWords);

            var results = await Task.WhenAll(
                InOwnContextAsync(db => TagModeration.MergeAsync(db, east.Name, west.Name, new Moderator("", "first"), DateTimeOffset.UtcNow)),
                InOwnContextAsync(db => TagModeration.MergeAsync(db, west.Name, east.Name, new Moderator("", "second"), DateTimeOffset.UtcNow)));

            Assert.Single(results, r => r.Error is null);
            var (eastNow, westNow) = (await ReloadAsync(east.Id), await ReloadAsync(west.Id));
            Assert.Single(new[] { eastNow.MergedIntoId, westNow.MergedIntoId }, into => into is not null);
            // And the merge that stood can be undone.
            var done = results.Single(r => r.Error is null).Action!.Id;
            Assert.Null((await InOwnContextAsync(db => TagModeration.UndoAsync(db, done, new Moderator("", "first"), DateTimeOffset.UtcNow))).Error);
        }
    }

    private async Task<TagResult> InOwnContextAsync(Func<Debate.Core.Data.DebateDbContext, Task<TagResult>> change)
    {
        await using var db = fixture.CreateContext();
        return await change(db);
    }

    [Fact]
    public async Task Renaming_keeps_the_old_name_as_a_redirecting_synonym_and_undo_restores_it_exactly()
    {
        var (tag, _) = await TagWithClaimAsync("inner-alignment", "draw llamas", "mesa optimisation");

        using var renamed = await RenameAsync("inner-alignment", "Inner misalignment");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var now = await ReloadAsync(tag.Id);
        Assert.Equal("inner-misalignment", now.Name);
        Assert.Equal(["mesa optimisation", "inner-alignment"], now.Synonyms);
        var client = fixture.App.CreateBrowserLikeClient();
        using (var old = await client.GetAsync("/tags/inner-alignment"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/tags/inner-misalignment", old.Headers.Location!.ToString());
        }
        using (var synonym = await client.GetAsync("/tags/mesa-optimisation"))
            Assert.Equal("/tags/inner-misalignment", synonym.Headers.Location!.ToString());

        using var undone = await UndoAsync(await LastActionAsync(TagModeration.RenameKind));

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var restored = await ReloadAsync(tag.Id);
        Assert.Equal("inner-alignment", restored.Name);
        Assert.Equal(["mesa optimisation"], restored.Synonyms);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tags/inner-misalignment")).StatusCode);
    }

    [Fact]
    public async Task Restating_gives_an_imported_tag_its_statement_on_its_page_and_undo_takes_it_back()
    {
        // An import adds a tag that a claim names without stating it: its statement is empty.
        var (tag, _) = await TagWithClaimAsync("unstated-claim", "draw llamas");
        await using (var db = fixture.CreateContext())
            await db.Tags.Where(t => t.Id == tag.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Statement, ""));
        var before = await ReloadAsync(tag.Id);

        using var restated = await fixture.Moderator.SubmitAsync("/moderation/tags",
            new Dictionary<string, string> { ["Restate.Name"] = "unstated-claim", ["Restate.Statement"] = "  Training selects for models that draw llamas.  " }, "form.restate-form");

        Assert.Equal(HttpStatusCode.Redirect, restated.StatusCode);
        Assert.Equal("Training selects for models that draw llamas.", (await ReloadAsync(tag.Id)).Statement);
        var page = await fixture.App.CreateClient().GetDocumentAsync("/tags/unstated-claim");
        Assert.Equal("Training selects for models that draw llamas.", page.QuerySelector(".tag-page .statement")!.TextContent);

        using var undone = await UndoAsync(await LastActionAsync(TagModeration.RestateKind));

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var after = await ReloadAsync(tag.Id);
        Assert.Equal((before.Name, before.Statement, before.MergedIntoId), (after.Name, after.Statement, after.MergedIntoId));
        Assert.Equal(before.Synonyms, after.Synonyms);
    }

    [Fact]
    public async Task A_statement_of_two_lines_or_none_is_refused_beside_the_field_and_kept()
    {
        await TagWithClaimAsync("stated-once", "draw llamas");
        var before = await TagTablesAsync();

        using var refused = await fixture.Moderator.SubmitAsync("/moderation/tags",
            new Dictionary<string, string> { ["Restate.Name"] = "stated-once", ["Restate.Statement"] = "First line\nsecond line" }, "form.restate-form");

        var page = await refused.ReadDocumentAsync();
        Assert.Equal("The statement is one line of 1 to 500 characters.", page.QuerySelector("#restate-statement-error")!.TextContent.Trim());
        Assert.Equal("First line\nsecond line", page.QuerySelector("input[name='Restate.Statement']")!.GetAttribute("value"));
        Assert.Equal(before, await TagTablesAsync());
    }

    [Fact]
    public async Task Merging_moves_the_claims_and_redirects_the_name_and_undo_puts_every_claim_back()
    {
        var (from, fromClaim) = await TagWithClaimAsync("sgd-is-lazy", "image generators");
        var (into, intoClaim) = await TagWithClaimAsync("training-slack", "Reposting my response");

        using var merged = await MergeAsync("sgd-is-lazy", "training-slack");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using (var db = fixture.CreateContext())
            Assert.Equal(into.Id, (await db.ClaimTags.SingleAsync(c => c.Id == fromClaim.Id)).TagId);
        var client = fixture.App.CreateBrowserLikeClient();
        using (var old = await client.GetAsync("/tags/sgd-is-lazy"))
            Assert.Equal("/tags/training-slack", old.Headers.Location!.ToString());
        var page = await client.GetDocumentAsync("/tags/training-slack");
        Assert.NotNull(page.QuerySelector($"#claim-{fromClaim.Id}"));
        Assert.NotNull(page.QuerySelector($"#claim-{intoClaim.Id}"));
        Assert.Equal("2", page.QuerySelector(".stance-count[data-stance=supports]")!.TextContent);

        using var undone = await UndoAsync(await LastActionAsync(TagModeration.MergeKind));

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await using var check = fixture.CreateContext();
        Assert.Equal(from.Id, (await check.ClaimTags.SingleAsync(c => c.Id == fromClaim.Id)).TagId);
        Assert.Equal(into.Id, (await check.ClaimTags.SingleAsync(c => c.Id == intoClaim.Id)).TagId);
        Assert.Null((await ReloadAsync(from.Id)).MergedIntoId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tags/sgd-is-lazy")).StatusCode);
        var log = await fixture.Moderator.GetDocumentAsync("/moderation/tags");
        Assert.Contains("(undone)", log.QuerySelector($"#action-{await LastActionAsync(TagModeration.MergeKind)}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_another_tag_already_answers_to_is_refused_beside_the_field()
    {
        await TagWithClaimAsync("deceptive-alignment", "early layers", "scheming");
        await TagWithClaimAsync("reward-hacking", "just as easily argue");

        using var response = await RenameAsync("reward-hacking", "scheming");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("'scheming' already names another tag; merge the two instead.", page.QuerySelector("#rename-new-error")!.TextContent);
        Assert.Equal("scheming", page.QuerySelector("#Rename_NewName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Members_may_not_rename_merge_or_restate_and_forms_need_their_token()
    {
        await TagWithClaimAsync("member-target", "draw llamas");
        await TagWithClaimAsync("member-other", "image generators");
        var before = await TagTablesAsync();

        using var page = await fixture.Member.GetAsync("/moderation/tags");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        // The member's own valid token (from a page they may use), so only their role can be what refuses them.
        var account = await fixture.Member.GetDocumentAsync("/account/password");
        var token = account.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var rename = await fixture.Member.PostAsync("/moderation/tags?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Rename.Name"] = "member-target", ["Rename.NewName"] = "member-renamed",
        }));
        using var merge = await fixture.Member.PostAsync("/moderation/tags?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Merge.From"] = "member-target", ["Merge.Into"] = "member-other",
        }));

        using var restate = await fixture.Member.PostAsync("/moderation/tags?handler=Restate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Restate.Name"] = "member-target", ["Restate.Statement"] = "Whatever the member says.",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, restate.StatusCode);
        Assert.Equal(before, await TagTablesAsync());

        using var forged = await fixture.Moderator.PostWithoutTokenAsync("/moderation/tags?handler=Merge", new Dictionary<string, string> { ["Merge.From"] = "member-target", ["Merge.Into"] = "member-other" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await TagTablesAsync());
    }

    /// <summary>Every row of the tags, their claims and the moderation log, as text.</summary>
    private async Task<string> TagTablesAsync()
    {
        await using var db = fixture.CreateContext();
        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "tags", "claim_tags", "moderation_actions" })
        {
            // Table names of this list only, never input.
            var sql = $"SELECT coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), '') AS \"Value\" FROM {table} t";
            dump.Append("== ").AppendLine(table).AppendLine(await db.Database.SqlQueryRaw<string>(sql).SingleAsync());
        }
        return dump.ToString();
    }
}

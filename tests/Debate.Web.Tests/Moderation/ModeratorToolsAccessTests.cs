using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Moderation;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation;

/// <summary>Each moderator tool's handler: anonymous users are sent to log in, members refused, both changing nothing; moderators do it.</summary>
public class ModeratorToolsAccessTests(ModeratorToolsFixture fixture) : IClassFixture<ModeratorToolsFixture>
{
    private const string Slug = "tools-access";

    public static TheoryData<string> Handlers => new() { "Lock", "Unlock", "Hide", "Unhide", "Move" };

    private async Task<string> PathAsync(string handler)
    {
        var post = fixture.Ids[(Slug, "a4")];
        // Unlock and Unhide need something to undo: a moderator locks or hides first.
        await using var db = fixture.CreateContext();
        var actor = new Moderator("", "access-test");
        if (handler == "Unlock")
            await ThreadModeration.SetLockedAsync(db, Slug, true, actor, DateTimeOffset.UtcNow, CancellationToken.None);
        if (handler == "Unhide")
            await ThreadModeration.SetHiddenAsync(db, post, true, actor, DateTimeOffset.UtcNow, CancellationToken.None);
        return handler is "Lock" or "Unlock" ? $"/moderation/threads/{Slug}?handler={handler}" : $"/moderation/posts/{post}?handler={handler}";
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path)
    {
        // A valid token for this user, from a page every user may open, so only the role decides.
        var token = (await client.GetDocumentAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.GetDocumentAsync($"/t/{Slug}/reply")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Move.UnderPost"] = fixture.Ids[(Slug, "b1")].ToString(),
        }));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Anonymous_users_are_sent_to_log_in_and_nothing_changes(string handler)
    {
        try
        {
            var path = await PathAsync(handler);
            var before = await fixture.DumpTablesAsync();

            using var response = await PostAsync(fixture.Anonymous, path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
            Assert.Equal(before, await fixture.DumpTablesAsync());
        }
        finally
        {
            await UndoSetupAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Members_are_refused_and_nothing_changes(string handler)
    {
        try
        {
            var path = await PathAsync(handler);
            var before = await fixture.DumpTablesAsync();

            using var response = await PostAsync(fixture.Member, path);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(before, await fixture.DumpTablesAsync());
        }
        finally
        {
            await UndoSetupAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Moderators_do_it_and_the_log_names_them(string handler)
    {
        try
        {
            var path = await PathAsync(handler);

            using var response = await PostAsync(fixture.Moderator, path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"/t/{Slug}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            await using var db = fixture.CreateContext();
            var last = await db.ModerationActions.OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal((handler.ToLowerInvariant(), "tools-moderator"), (last.Kind, last.ActorName));
        }
        finally
        {
            await UndoSetupAsync();
        }
    }

    [Fact]
    public async Task A_moderator_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var before = await fixture.DumpTablesAsync();

        using var response = await fixture.Moderator.PostWithoutTokenAsync($"/moderation/threads/{Slug}?handler=Lock");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.DumpTablesAsync());
    }

    /// <summary>Undoes every action still standing, newest first, so each case starts from the imported thread.</summary>
    private async Task UndoSetupAsync()
    {
        await using var db = fixture.CreateContext();
        var standing = await db.ModerationActions.Where(a => a.UndoneAt == null && a.Kind != ModerationLog.UndoKind).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
        foreach (var id in standing)
        {
            var result = await ModerationLog.UndoAsync(db, id, new Moderator("", "access-test"), DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.Null(result.Error);
        }
    }
}

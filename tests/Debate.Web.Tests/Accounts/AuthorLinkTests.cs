using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Accounts;

public class AuthorLinkTests(AuthorLinkTests.Fixture fixture) : IClassFixture<AuthorLinkTests.Fixture>
{
    public sealed class Fixture : AccountAppFixture
    {
        public HttpClient Moderator { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Moderator = await LoggedInClientAsync("moderating", AccountRoles.Moderator);
        }
    }

    /// <summary>An author as an import leaves them: posts elsewhere, no member behind them yet.</summary>
    private async Task<Author> ImportedAuthorAsync(string slug)
    {
        await using var db = fixture.CreateContext();
        var author = new Author
        {
            Slug = slug,
            DisplayName = slug,
            CreatedAt = DateTimeOffset.UtcNow,
            Accounts = [new AuthorAccount { Platform = Platform.Twitter, Handle = slug + "_x" }],
        };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author;
    }

    private Task<HttpResponseMessage> LinkAsync(string userName, string authorSlug) =>
        fixture.Moderator.SubmitAsync("/moderation/authors", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.AuthorSlug"] = authorSlug,
        }, "form.account-form");

    private Task<HttpResponseMessage> UndoAsync(long actionId) =>
        fixture.Moderator.SubmitAsync("/moderation/authors", new Dictionary<string, string>(), $"#action-{actionId} form");

    private async Task<AppUser> UserAsync(string userName)
    {
        await using var db = fixture.CreateContext();
        return await db.Users.Include(u => u.Author).SingleAsync(u => u.UserName == userName);
    }

    [Fact]
    public async Task Linking_a_member_to_an_imported_author_is_logged_with_the_link_before_and_after()
    {
        var imported = await ImportedAuthorAsync("quintin-pope");
        await fixture.CreateUserAsync("quintin");

        using var response = await LinkAsync("quintin", "quintin-pope");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(imported.Id, (await UserAsync("quintin")).AuthorId);
        await using var db = fixture.CreateContext();
        var action = await db.ModerationActions.SingleAsync(a => a.Kind == "link-author" && a.Summary.Contains("quintin-pope"));
        Assert.Equal("moderating", action.ActorName);
        Assert.Equal("quintin", action.Before!.RootElement.GetProperty("authorSlug").GetString());
        Assert.Equal("quintin-pope", action.After!.RootElement.GetProperty("authorSlug").GetString());
        Assert.Equal(imported.Id, action.After.RootElement.GetProperty("authorId").GetInt64());
        var page = await fixture.Moderator.GetDocumentAsync("/moderation/authors");
        Assert.Contains("Linked quintin to author quintin-pope", page.QuerySelector($"#action-{action.Id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undoing_a_link_gives_the_member_back_their_own_author_and_logs_the_undo()
    {
        await ImportedAuthorAsync("evan-hubinger");
        await fixture.CreateUserAsync("evan");
        var ownAuthor = (await UserAsync("evan")).AuthorId;
        using (await LinkAsync("evan", "evan-hubinger")) { }
        long linkId;
        await using (var db = fixture.CreateContext())
            linkId = await db.ModerationActions.Where(a => a.Kind == "link-author" && a.Summary.Contains("evan-hubinger")).Select(a => a.Id).SingleAsync();

        using var response = await UndoAsync(linkId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ownAuthor, (await UserAsync("evan")).AuthorId);
        await using var check = fixture.CreateContext();
        var link = await check.ModerationActions.SingleAsync(a => a.Id == linkId);
        Assert.NotNull(link.UndoneAt);
        var undo = await check.ModerationActions.SingleAsync(a => a.UndoesActionId == linkId);
        Assert.Equal("unlink-author", undo.Kind);
        Assert.Equal("evan", undo.After!.RootElement.GetProperty("authorSlug").GetString());
        var page = await fixture.Moderator.GetDocumentAsync("/moderation/authors");
        Assert.Null(page.QuerySelector($"#action-{linkId} form"));
        Assert.Contains("(undone)", page.QuerySelector($"#action-{linkId}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_another_member_already_writes_as_is_refused_beside_the_field()
    {
        await ImportedAuthorAsync("turntrout");
        await fixture.CreateUserAsync("alex");
        await fixture.CreateUserAsync("impostor");
        using (await LinkAsync("alex", "turntrout")) { }

        using var response = await LinkAsync("impostor", "turntrout");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("turntrout is already linked to alex.", page.QuerySelector("#author-error")!.TextContent);
        Assert.Equal("impostor", page.QuerySelector("#Input_UserName")!.GetAttribute("value"));
        Assert.NotEqual("turntrout", (await UserAsync("impostor")).Author!.Slug);
    }

    [Fact]
    public async Task An_unknown_member_or_author_is_named_beside_its_field()
    {
        await ImportedAuthorAsync("known-author");
        await fixture.CreateUserAsync("known-member");

        using (var response = await LinkAsync("nobody-at-all", "known-author"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("There is no member 'nobody-at-all'.", page.QuerySelector("#username-error")!.TextContent);
            Assert.Equal("", page.QuerySelector("#author-error")!.TextContent);
        }
        using (var response = await LinkAsync("known-member", "no-such-author"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("", page.QuerySelector("#username-error")!.TextContent);
            Assert.Equal("There is no author 'no-such-author'.", page.QuerySelector("#author-error")!.TextContent);
        }
        // Both unknown: each is named beside its own field, as every other form of the app names every field at once.
        using (var response = await LinkAsync("nobody-at-all", "no-such-author"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("There is no member 'nobody-at-all'.", page.QuerySelector("#username-error")!.TextContent);
            Assert.Equal("There is no author 'no-such-author'.", page.QuerySelector("#author-error")!.TextContent);
        }
        Assert.NotEqual("known-author", (await UserAsync("known-member")).Author?.Slug);
    }
}

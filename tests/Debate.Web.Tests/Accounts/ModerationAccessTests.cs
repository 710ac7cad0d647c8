using System.Net;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Debate.Web.Tests.Accounts;

/// <summary>Moderation needs the moderator role (admins have it by implication): anonymous users are sent to log in, members refused.</summary>
public class ModerationAccessTests(ModerationAccessTests.Fixture fixture) : IClassFixture<ModerationAccessTests.Fixture>
{
    /// <summary>One client per role, made once for the class.</summary>
    public sealed class Fixture : AccountAppFixture
    {
        public HttpClient Anonymous { get; private set; } = null!;
        public HttpClient Member { get; private set; } = null!;
        public HttpClient Moderator { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Anonymous = App.CreateBrowserLikeClient();
            Member = await LoggedInClientAsync("plain-member");
            Moderator = await LoggedInClientAsync("the-moderator", AccountRoles.Moderator);
            Admin = await LoggedInClientAsync("the-admin", AccountRoles.Admin);
        }
    }

    /// <summary>Each moderation page and action. A write carries a valid token, so only the role decides.</summary>
    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/moderation/authors" },
        { "POST", "/moderation/authors?handler=Link" },
        { "POST", "/moderation/authors?handler=Undo&id=404" },
        { "GET", "/moderation/import" },
        { "POST", "/moderation/import" },
        { "GET", "/moderation/reposts" },
        { "POST", "/moderation/reposts?handler=Merge&keep=404&fold=405" },
        { "POST", "/moderation/reposts?handler=Dismiss&candidate=404" },
        { "POST", "/moderation/reposts?handler=Undo&id=404" },
        { "GET", "/moderation/log" },
        { "POST", "/moderation/log?handler=Undo&id=404" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Anonymous_users_are_sent_to_log_in(string method, string path)
    {
        using var response = await SendAsync(fixture.Anonymous, method, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Members_are_refused_with_a_403_page(string method, string path)
    {
        using var response = await SendAsync(fixture.Member, method, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Moderators_are_let_in(string method, string path)
    {
        using var response = await fixture.Moderator.FollowAsync(await SendAsync(fixture.Moderator, method, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Admins_are_moderators_too(string method, string path)
    {
        using var response = await fixture.Admin.FollowAsync(await SendAsync(fixture.Admin, method, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_page_under_moderation_refuses_anonymous_users_and_members()
    {
        var paths = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.StartsWith("/Moderation/", StringComparison.Ordinal) == true)
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(paths);

        foreach (var path in paths)
        {
            using var anonymous = await fixture.Anonymous.GetAsync(path);
            using var member = await fixture.Member.GetAsync(path);
            Assert.Equal((path, HttpStatusCode.Redirect), (path, anonymous.StatusCode));
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, member.StatusCode));
        }
    }

    /// <summary>Sends a request as the role's browser would; shared with the access tests of other moderation pages.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        if (method == "GET")
            return await client.GetAsync(path);
        // The token a moderator's page would carry; a member or an anonymous user cannot get one from it, so use the login page's.
        var tokenPage = await client.GetAsync("/moderation/authors");
        var source = tokenPage.StatusCode == HttpStatusCode.OK ? await tokenPage.ReadDocumentAsync() : await client.GetDocumentAsync("/account/login");
        tokenPage.Dispose();
        var token = source.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "plain-member",
            ["Input.AuthorSlug"] = "no-such-author",
        }));
    }
}

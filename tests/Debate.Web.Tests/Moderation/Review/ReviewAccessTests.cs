using System.Net;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Moderation.Review;

/// <summary>Every handler of the review view, for anonymous users, members and moderators, on a draft that exists.</summary>
public class ReviewAccessTests(ReviewAccessTests.Fixture fixture) : IClassFixture<ReviewAccessTests.Fixture>
{
    public sealed class Fixture : ReviewFixture
    {
        public HttpClient Anonymous { get; private set; } = null!;
        public HttpClient Member { get; private set; } = null!;
        public HttpClient Moderator { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await ImportDraftAsync("access-draft");
            Anonymous = App.CreateBrowserLikeClient();
            Member = await LoggedInClientAsync("access-member");
            Moderator = await LoggedInClientAsync("access-moderator", AccountRoles.Moderator);
        }
    }

    /// <summary>Each handler but Publish; a write carries a valid token, so only the role decides. A moderator's publish is tested on its own draft in ReviewTests.</summary>
    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/moderation/review/access-draft" },
        { "GET", "/moderation/review/access-draft?handler=Export" },
        { "POST", "/moderation/review/access-draft?handler=Step" },
        { "POST", "/moderation/review/access-draft?handler=SameAuthor&line=1&asLine=1" },
        { "POST", "/moderation/review/access-draft?handler=Undo" },
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        Accounts.ModerationAccessTests.SendAsync(client, method, path);

    [Theory]
    [MemberData(nameof(Requests))]
    [InlineData("POST", "/moderation/review/access-draft?handler=Publish")]
    public async Task Anonymous_users_are_sent_to_log_in(string method, string path)
    {
        using var response = await SendAsync(fixture.Anonymous, method, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    [InlineData("POST", "/moderation/review/access-draft?handler=Publish")]
    public async Task Members_are_refused(string method, string path)
    {
        using var response = await SendAsync(fixture.Member, method, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The posts carry no step, so a moderator's step is refused with the reason, which is the handler answering.</summary>
    [Theory]
    [InlineData("GET", "/moderation/review/access-draft", HttpStatusCode.OK)]
    [InlineData("GET", "/moderation/review/access-draft?handler=Export", HttpStatusCode.OK)]
    [InlineData("POST", "/moderation/review/access-draft?handler=Step", HttpStatusCode.UnprocessableEntity)]
    [InlineData("POST", "/moderation/review/access-draft?handler=SameAuthor&line=1&asLine=1", HttpStatusCode.UnprocessableEntity)]
    [InlineData("POST", "/moderation/review/access-draft?handler=Undo", HttpStatusCode.UnprocessableEntity)]
    public async Task Moderators_reach_every_handler(string method, string path, HttpStatusCode expected)
    {
        using var response = await SendAsync(fixture.Moderator, method, path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_step_without_the_antiforgery_token_is_refused()
    {
        using var response = await fixture.Moderator.PostWithoutTokenAsync("/moderation/review/access-draft?handler=Step",
            new Dictionary<string, string> { ["Input.Op"] = "split", ["Input.Line"] = "40" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

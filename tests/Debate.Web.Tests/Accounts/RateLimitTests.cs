using System.Net;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Accounts;

public class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    public sealed class Fixture : AccountAppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["RateLimits:WritesPerMinute"] = "2" };
    }

    [Fact]
    public async Task Writes_beyond_the_limit_get_429_and_a_page_that_says_so_while_reading_goes_on()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        var form = new Dictionary<string, string> { ["Input.UserName"] = "someone", ["Input.Password"] = "Wrong-password-1" };

        using var first = await client.SubmitAsync("/account/login", form);
        using var second = await client.SubmitAsync("/account/login", form);
        using var third = await client.SubmitAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("text/html", third.Content.Headers.ContentType!.MediaType);
        Assert.True(third.Headers.RetryAfter is not null, "a refused write says when to try again");
        var page = await third.ReadDocumentAsync();
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent);
        using var read = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}

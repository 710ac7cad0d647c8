using System.Net;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Posting;

public class ReplyRateLimitTests(ReplyRateLimitTests.Fixture fixture) : IClassFixture<ReplyRateLimitTests.Fixture>
{
    public sealed class Fixture : PostingAppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["RateLimits:WritesPerMinute"] = "2" };
    }

    [Fact]
    public async Task A_member_replying_faster_than_the_limit_gets_429_and_a_page_that_says_so()
    {
        var client = await fixture.LoggedInClientAsync("hasty");
        var parent = fixture.Ids["a1"];

        await PostingAppFixture.PostAsync(client, parent, "One.");
        await PostingAppFixture.PostAsync(client, parent, "Two.");
        using var third = await PostingAppFixture.ReplyAsync(client, parent, "Three.");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.ReadDocumentAsync();
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Wait a minute", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        // Another member writes on: the limit is per user.
        var other = await fixture.LoggedInClientAsync("patient");
        await PostingAppFixture.PostAsync(other, parent, "My first.");
    }
}

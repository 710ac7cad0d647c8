using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;

namespace Debate.Web.Tests.Moderation;

/// <summary>The demo thread, the app over it, and users of any role: what a moderator works on.</summary>
public class SeededModerationFixture : AccountAppFixture
{
    public static string RepostedTweets => Path.Combine(AppContext.BaseDirectory, "data", "moderation", "reposted-tweets.json");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        await DemoSeeder.SeedAsync(db, TimeProvider.System);
    }
}

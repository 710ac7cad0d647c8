using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Moderation;

/// <summary>Threads to lock, hide posts in and move posts between, and a client for each role.</summary>
public class ModeratorToolsFixture : AccountAppFixture
{
    public static readonly string[] Slugs = ["tools-lock", "tools-hide", "tools-from", "tools-to", "tools-access"];

    /// <summary>The posts' ids by thread slug and document id ("a2").</summary>
    public IReadOnlyDictionary<(string Slug, string Key), long> Ids { get; private set; } = new Dictionary<(string, string), long>();

    /// <summary>Browser tests need the app on a real port.</summary>
    protected virtual bool ServesBrowsers => false;

    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Member { get; private set; } = null!;
    public HttpClient Moderator { get; private set; } = null!;

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        foreach (var slug in Slugs.Where(s => s != "tools-to"))
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.Document(slug, $"Thread {slug}"), $"{slug}.json");
        // One post imported under a key of its own, so posts moved in keep theirs.
        var target = ReadingThread.Document("tools-to", "Thread tools-to");
        target = target with { Posts = [target.Posts.Single(p => p.Id == "b1") with { Id = "t1" }] };
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(target, "tools-to.json");
        var posts = await db.Posts.Select(p => new { p.Thread!.Slug, p.ImportKey, p.Id }).ToListAsync();
        Ids = posts.ToDictionary(p => (p.Slug, p.ImportKey!), p => p.Id);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (ServesBrowsers)
        {
            _ = ServerAddress; // Kestrel before any user is made; browsers log in themselves
            return;
        }
        Anonymous = App.CreateBrowserLikeClient();
        Member = await LoggedInClientAsync("tools-member");
        Moderator = await LoggedInClientAsync("tools-moderator", AccountRoles.Moderator);
    }
}

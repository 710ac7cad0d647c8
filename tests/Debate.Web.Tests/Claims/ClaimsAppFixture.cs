using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Claims;

/// <summary>Accounts and the reading thread (slug "claims"): posts to tag, an author to link a member to.</summary>
public class ClaimsAppFixture : AccountAppFixture
{
    public const string Slug = "claims";

    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    protected override IReadOnlyDictionary<string, string>? Settings { get; } =
        new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest", ["RateLimits:WritesPerMinute"] = "1000" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.Document(Slug), "claims.json");
        Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
    }

    /// <summary>Makes <paramref name="userName"/> write as the imported author <paramref name="authorSlug"/>, as a moderator's link does.</summary>
    public async Task LinkToAuthorAsync(string userName, string authorSlug)
    {
        await using var db = CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.AuthorId = await db.Authors.Where(a => a.Slug == authorSlug).Select(a => a.Id).SingleAsync();
        await db.SaveChangesAsync();
    }
}

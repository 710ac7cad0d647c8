using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Search;

/// <summary>A database with the <see cref="SearchThread"/> threads, one post hidden by a moderator, and the app over it.</summary>
public class SearchAppFixture : AppFixture
{
    /// <summary>Post ids by their document id ("origin", "reply1", "n1"): the documents use each id once.</summary>
    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        foreach (var document in new[] { SearchThread.Document(), SearchThread.Other(), SearchThread.Draft(), SearchThread.Crowded() })
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, document.Thread.Slug + ".json");
        Ids = await db.Posts.ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
        await db.Posts.Where(p => p.Id == Ids["hidden"]).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
    }
}

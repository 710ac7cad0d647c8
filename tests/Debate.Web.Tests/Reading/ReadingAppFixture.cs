using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Reading;

/// <summary>A database with <see cref="ReadingThread"/> (slug "reading") and a second thread, and the app over it.</summary>
public class ReadingAppFixture : AppFixture
{
    public const string Slug = "reading";
    public const string OtherSlug = "reading-elsewhere";

    /// <summary>Post ids by their document id ("a1").</summary>
    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.Document(Slug), "reading.json");
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.OtherThread(OtherSlug), "other.json");
        Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
    }
}

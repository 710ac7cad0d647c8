using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Reading;

/// <summary>A database with <see cref="ReadingThread"/> (slug "reading") and a second thread, and the app over it.</summary>
public class ReadingAppFixture : DatabaseFixture
{
    public const string Slug = "reading";
    public const string OtherSlug = "reading-elsewhere";

    public DebateApp App { get; private set; } = null!;

    /// <summary>Post ids by their document id ("a1").</summary>
    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    public Uri ServerAddress => _serverAddress.Value;

    private Lazy<Uri> _serverAddress = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateContext())
        {
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.Document(Slug), "reading.json");
            await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.OtherThread(OtherSlug), "other.json");
            Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
        }
        App = new DebateApp(ConnectionString);
        _serverAddress = new Lazy<Uri>(App.StartKestrel);
    }

    public override async Task DisposeAsync()
    {
        // Null when InitializeAsync failed: its failure is the one to report.
        if (App is not null)
            await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

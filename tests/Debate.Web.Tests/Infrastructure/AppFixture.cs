using Debate.Core.Data;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>A test class's own database, filled by <see cref="PrepareAsync"/>, and the app over it.</summary>
public abstract class AppFixture : DatabaseFixture
{
    private Lazy<Uri> _serverAddress = null!;

    public DebateApp App { get; private set; } = null!;

    /// <summary>The app on a real loopback port, started on first use (browser tests only: an app is either this or an in-memory test server).</summary>
    public Uri ServerAddress => _serverAddress.Value;

    protected abstract Task PrepareAsync(DebateDbContext db);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateContext())
            await PrepareAsync(db);
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

using Debate.Core.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>Log events as the app's Serilog pipeline writes them, for tests of what the log says.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
            _events.Add(logEvent);
    }

    public List<LogEvent> Events
    {
        get
        {
            lock (_events)
                return _events.ToList();
        }
    }
}

/// <summary>A database with the demo thread, and the app over it logging at Information and above into <see cref="Log"/>.</summary>
public abstract class LoggedApp : DatabaseFixture
{
    private DebateApp _app = null!;

    protected LogCapture Log { get; } = new();

    protected WebApplicationFactory<Program> App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateContext())
            await DemoSeeder.SeedAsync(db, TimeProvider.System);
        _app = new DebateApp(ConnectionString, new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" });
        App = _app.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log)));
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }
}

using System.Net;
using Debate.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>The real app on a test class's own database. With <see cref="StartKestrel"/> it listens on a loopback port for the browser.</summary>
/// <param name="settings">Configuration for this app only, over the test defaults (RateLimits:WritesPerMinute, ...).</param>
public sealed class DebateApp(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Debate", connectionString);
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Database:SeedDemo", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests write faster than people; the rate limit's own test sets it low.
        builder.UseSetting("RateLimits:WritesPerMinute", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>Starts Kestrel on a free port and returns its address.</summary>
    public Uri StartKestrel()
    {
        // The endpoint, not UseKestrel(0): that rewrites the server's addresses after Build, racing the app's own start.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}

/// <summary>A database with the demo thread loaded, and the app over it.</summary>
public class SeededAppFixture : DatabaseFixture
{
    public DebateApp App { get; private set; } = null!;

    /// <summary>The app on a real loopback port, started on first use (browser tests only).</summary>
    public Uri ServerAddress => _serverAddress.Value;

    private Lazy<Uri> _serverAddress = null!;

    /// <summary>The demo thread's post ids by their place in the rebuilt document ("c1" is the first comment on the page).</summary>
    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateContext())
        {
            await DemoSeeder.SeedAsync(db, TimeProvider.System);
            Ids = await db.Posts.Where(p => p.Thread!.Slug == "scheming-ais").ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
        }
        App = new DebateApp(ConnectionString);
        _serverAddress = new Lazy<Uri>(App.StartKestrel);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

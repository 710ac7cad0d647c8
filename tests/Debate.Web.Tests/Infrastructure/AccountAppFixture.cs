using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>The app on its own database, with a way to make users of any role and clients logged in as them.</summary>
public class AccountAppFixture : DatabaseFixture
{
    /// <summary>Good enough for every rule; a test password, never a real one.</summary>
    public const string Password = "Tested-passphrase-42";

    public DebateApp App { get; private set; } = null!;

    /// <summary>The app on a real loopback port, started on first use (browser tests only).</summary>
    public Uri ServerAddress => _serverAddress.Value;

    private Lazy<Uri> _serverAddress = null!;

    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Fills the database before the app starts (threads to reply in).</summary>
    protected virtual Task PrepareAsync(DebateDbContext db) => Task.CompletedTask;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateContext())
            await PrepareAsync(db);
        App = new DebateApp(ConnectionString, Settings);
        _serverAddress = new Lazy<Uri>(App.StartKestrel);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Creates a user the way the CLI does; usernames must be unique within the test class.</summary>
    public async Task CreateUserAsync(string userName, string role = AccountRoles.Member, string password = Password)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new NewAccount(userName, $"{userName}@example.org", password, role), CancellationToken.None);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A new user of <paramref name="role"/>, and a client logged in as them.</summary>
    public async Task<HttpClient> LoggedInClientAsync(string userName, string role = AccountRoles.Member)
    {
        await CreateUserAsync(userName, role);
        var client = App.CreateBrowserLikeClient();
        using var response = await client.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Logging in as {userName} answered {response.StatusCode}.");
        return client;
    }
}

/// <summary>Accounts for browser tests: the test server speaks plain http on a loopback port, as a local docker setup does.</summary>
public class PlainHttpAccountAppFixture : AccountAppFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" };
}

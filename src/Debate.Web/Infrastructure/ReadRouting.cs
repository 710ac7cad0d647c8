using Debate.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Web.Infrastructure;

/// <summary>Endpoint metadata: a GET of this endpoint only reads, so it may be answered from a replica.</summary>
internal sealed class ReadsFromReplicaMetadata;

/// <summary>Per request: whether this request's database context reads from the replica.</summary>
internal sealed class ReadRoute
{
    public bool FromReplica { get; set; }
}

/// <summary>
/// Optional read routing (off unless ConnectionStrings:DebateReplica is set). Reading pages fetched with GET go to the
/// replica; writes, every other page, and every request of someone who wrote in the last few seconds stay on the primary,
/// so nobody reads a copy older than their own write.
/// </summary>
internal static class ReadRouting
{
    public const string ReplicaConnectionStringName = "DebateReplica";
    public const string RecentWriteCookie = "debate-wrote";

    /// <summary>The Razor Pages folders whose pages only read.</summary>
    private static readonly string[] ReadingFolders = ["/Threads", "/History", "/Map", "/Outline", "/Authors", "/Tags"];

    public static IServiceCollection AddDebateDatabase(this IServiceCollection services)
    {
        // Resolved on first use: by then the connection string is known, even when the app provisioned its own cluster.
        services.AddSingleton(provider => DebateDatabase.CreateDataSource(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(DebateServices.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Debate is not set.")));
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new ReplicaDatabase(configuration.GetConnectionString(ReplicaConnectionStringName))
            {
                ReadYourWritesWindow = TimeSpan.FromSeconds(configuration.GetValue("Database:ReadYourWritesSeconds", 10)),
            };
        });
        services.AddPooledDbContextFactory<DebateDbContext>((provider, options) =>
            DebateDatabase.Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<ReadRoute>();
        // Disposing the scope returns a primary context to its pool; a replica context is made from options built once.
        services.AddScoped(provider => provider.GetRequiredService<ReadRoute>().FromReplica
            ? provider.GetRequiredService<ReplicaDatabase>().CreateContext()
            : provider.GetRequiredService<IDbContextFactory<DebateDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// A page in one of the reading folders, or an endpoint marked as only reading. A page is told by its path, which
    /// every page endpoint carries: metadata added by a folder convention was not on the endpoint seen here, and every
    /// reading page went to the primary.
    /// </summary>
    private static bool OnlyReads(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ReadsFromReplicaMetadata>() is not null
        || (endpoint?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath is string path
            && ReadingFolders.Any(folder => path.StartsWith(folder + "/", StringComparison.Ordinal)));

    /// <summary>After routing (the endpoint is known) and before authentication (whose user lookup already uses the context).</summary>
    public static IApplicationBuilder UseReadRouting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var replica = context.RequestServices.GetRequiredService<ReplicaDatabase>();
        if (!replica.Configured)
        {
            await next(context);
            return;
        }
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            context.RequestServices.GetRequiredService<ReadRoute>().FromReplica =
                OnlyReads(context.GetEndpoint()) && !context.Request.Cookies.ContainsKey(RecentWriteCookie);
        }
        else
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode < 400)
                {
                    context.Response.Cookies.Append(RecentWriteCookie, "1", new CookieOptions
                    {
                        MaxAge = replica.ReadYourWritesWindow,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                        IsEssential = true,
                    });
                }
                return Task.CompletedTask;
            });
        }
        await next(context);
    });
}

/// <summary>The replica (or a multi-host list preferring standbys) that reading pages may use; unset, everything uses the primary.</summary>
internal sealed class ReplicaDatabase : IDisposable
{
    private readonly NpgsqlDataSource? _dataSource;
    private readonly DbContextOptions<DebateDbContext>? _options;

    public ReplicaDatabase(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return;
        // A multi-host string with "Target Session Attributes=prefer-standby" builds a multi-host source that prefers
        // standbys and falls back to the primary when none answers.
        _dataSource = DebateDatabase.CreateDataSource(connectionString);
        _options = DebateDatabase.Options(_dataSource);
    }

    public bool Configured => _dataSource is not null;

    /// <summary>Longer than a replica normally lags: the writer's own reads stay on the primary this long after a write.</summary>
    public TimeSpan ReadYourWritesWindow { get; init; } = TimeSpan.FromSeconds(10);

    public DebateDbContext CreateContext() =>
        new(_options ?? throw new InvalidOperationException("ConnectionStrings:DebateReplica is not set."));

    public void Dispose() => _dataSource?.Dispose();
}

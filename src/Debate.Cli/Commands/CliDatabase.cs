using Debate.Core.Data;
using Debate.Core.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Cli.Commands;

/// <summary>
/// The database the CLI works on: ConnectionStrings__Debate when set, else the repository's private cluster
/// (started if the app is not already running it, and stopped again afterwards).
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly LocalPostgres? _cluster;
    private readonly NpgsqlDataSource _dataSource;

    private CliDatabase(LocalPostgres? cluster, NpgsqlDataSource dataSource)
    {
        _cluster = cluster;
        _dataSource = dataSource;
    }

    public static async Task<CliDatabase> OpenAsync(CancellationToken cancellationToken)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Debate");
        LocalPostgres? cluster = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            cluster = await LocalPostgres.StartAsync(
                new LocalPostgresOptions
                {
                    DataDirectory = DataDirectory.ForLocalPostgres(Environment.GetEnvironmentVariable("LocalPostgres__DataDirectory"),
                        Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
                },
                Console.Error.WriteLine, cancellationToken);
            connectionString = cluster.ConnectionString();
        }
        var database = new CliDatabase(cluster, DebateDatabase.CreateDataSource(connectionString));
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        return database;
    }

    public DebateDbContext CreateContext() => new(DebateDatabase.Options(_dataSource));

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Data;

/// <summary>The one place that says how Debate talks to PostgreSQL, for the app, the CLI, the tests and design time.</summary>
public static class DebateDatabase
{
    public const string MigrationsAssembly = "Debate.Migrations";

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The reading pages run the same few statements again and again, and planning their joins (quotes with both
        // posts, authors and threads) took ten times as long as running them. Prepared after a few uses on each
        // connection, a statement is planned once. A connection string that sets Max Auto Prepare keeps its own value.
        if (!builder.ConnectionStringBuilder.ContainsKey("Max Auto Prepare"))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptions<DebateDbContext> Options(NpgsqlDataSource dataSource) =>
        ((DbContextOptionsBuilder<DebateDbContext>)Configure(new DbContextOptionsBuilder<DebateDbContext>(), dataSource)).Options;
}

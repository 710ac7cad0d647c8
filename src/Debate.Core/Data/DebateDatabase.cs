using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Data;

/// <summary>The one place that says how Debate talks to PostgreSQL, for the app, the CLI, the tests and design time.</summary>
public static class DebateDatabase
{
    public const string MigrationsAssembly = "Debate.Migrations";

    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).Build();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptions<DebateDbContext> Options(NpgsqlDataSource dataSource) =>
        ((DbContextOptionsBuilder<DebateDbContext>)Configure(new DbContextOptionsBuilder<DebateDbContext>(), dataSource)).Options;
}

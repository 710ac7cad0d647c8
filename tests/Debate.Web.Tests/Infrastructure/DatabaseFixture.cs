using Debate.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>A fresh, migrated database for one test class.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The fixture has not started.");

    public DebateDbContext CreateContext() => new(DebateDatabase.Options(DataSource));

    /// <summary>How many of this database's sessions wait for a lock another one holds.</summary>
    public async Task<long> SessionsWaitingOnLocksAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls for up to 10 s; <paramref name="what"/> says what was awaited, when it never came.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Xunit.Assert.Fail($"Waited 10 s for {what()}.");
    }

    /// <summary>The number of rows of every table an import writes: equal before and after means nothing was written.</summary>
    public async Task<string> CountRowsAsync()
    {
        await using var db = CreateContext();
        var counts = new[]
        {
            await db.Threads.CountAsync(), await db.Posts.CountAsync(), await db.PostRevisions.CountAsync(),
            await db.Authors.CountAsync(), await db.AuthorAccounts.CountAsync(), await db.Provenance.CountAsync(),
            await db.Quotes.CountAsync(), await db.Tags.CountAsync(), await db.ClaimTags.CountAsync(), await db.OutlineSections.CountAsync(), await db.ImportedDocuments.CountAsync(),
        };
        return string.Join(",", counts);
    }

    /// <summary>
    /// Every row of every table (but the moderation log, which only grows), each table ordered, as text: equal
    /// dumps mean an undo put the database back as it was.
    /// </summary>
    public async Task<string> DumpTablesAsync()
    {
        await using var db = CreateContext();
        var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'moderation_actions' ORDER BY 1")
            .ToListAsync();
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            // Names from the catalogue, quoted; rows ordered by their whole text, so tables without an id work too.
            // A thread's page version only goes up (it keys cached pages), so an undo is a change to it: left out.
            var sql = $"SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') AS \"Value\" FROM \"{table}\" t CROSS JOIN LATERAL (SELECT to_jsonb(t) - 'page_version' AS r) j";
            dump.Append("== ").AppendLine(table).AppendLine(await db.Database.SqlQueryRaw<string>(sql).SingleAsync());
        }
        return dump.ToString();
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestCluster.CreateDatabaseAsync($"test_{Guid.NewGuid():N}");
        _dataSource = DebateDatabase.CreateDataSource(ConnectionString);
    }

    public virtual async Task DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
    }
}

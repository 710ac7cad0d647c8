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

using Debate.Core.Data;
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

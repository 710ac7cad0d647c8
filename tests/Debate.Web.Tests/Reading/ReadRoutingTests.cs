using Debate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Reading;

/// <summary>
/// With a replica connection string, reading pages read from it and everything else from the primary. The "replica"
/// here is the same database under another application name, so pg_stat_activity tells which connection a page used.
/// </summary>
public sealed class ReadRoutingTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    [Theory]
    [InlineData("/t/scheming-ais")]
    [InlineData("/t/scheming-ais/outline")]
    [InlineData("/t/scheming-ais/map")]
    [InlineData("/api/threads/scheming-ais")]
    public async Task A_reading_page_reads_from_the_replica(string page)
    {
        var replica = $"replica-{Guid.NewGuid():N}"[..24];
        await using var app = AppWithReplica(replica);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var since = await DatabaseNowAsync();
        var response = await client.GetAsync(page);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(await ReplicaQueriesSinceAsync(replica, since) > 0, $"{page} did not read from the replica");
    }

    [Fact]
    public async Task Someone_who_has_just_written_reads_from_the_primary()
    {
        var replica = $"replica-{Guid.NewGuid():N}"[..24];
        await using var app = AppWithReplica(replica);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "debate-wrote=1");

        var since = await DatabaseNowAsync();
        var response = await client.GetAsync("/t/scheming-ais");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await ReplicaQueriesSinceAsync(replica, since));
    }

    private DebateApp AppWithReplica(string applicationName) => new(fixture.ConnectionString, new Dictionary<string, string>
    {
        ["ConnectionStrings:DebateReplica"] = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { ApplicationName = applicationName }.ConnectionString,
    });

    private async Task<DateTime> DatabaseNowAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT clock_timestamp()");
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Connections under the replica's application name whose state changed (a statement ran) since then.</summary>
    private async Task<long> ReplicaQueriesSinceAsync(string applicationName, DateTime since)
    {
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state_change >= $2");
        command.Parameters.AddWithValue(applicationName);
        command.Parameters.AddWithValue(since);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

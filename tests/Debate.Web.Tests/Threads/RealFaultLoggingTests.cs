using System.Net;
using Debate.Web.Tests.Infrastructure;
using Npgsql;
using Serilog.Events;
using Xunit;

namespace Debate.Web.Tests.Threads;

/// <summary>
/// docs/reliability.md, "Requests given up by their clients": a request its client abandons ends as 499 with an
/// information line, but "a real fault still logs as an error". The fault here is ours, not the client's: the
/// table the pages read is gone (PostgreSQL's undefined_table, not a transient outage), and the reader is still waiting.
/// </summary>
public sealed class RealFaultLoggingTests : LoggedApp
{
    [Theory]
    [InlineData("/t/scheming-ais")]
    [InlineData("/api/threads/scheming-ais")]
    public async Task A_real_fault_while_the_reader_waits_answers_500_and_logs_an_error_with_its_exception(string path)
    {
        var client = App.CreateClient();
        await ExecuteAsync("ALTER TABLE posts RENAME TO posts_gone");
        try
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            // The request log's line for it ("HTTP GET {path} responded 500"): an error, with the fault attached.
            var lines = Log.Events.Where(e => e.Properties.ContainsKey("StatusCode")
                && e.Properties.TryGetValue("RequestPath", out var logged) && logged.ToString() == $"\"{path}\"").ToList();
            var line = Assert.Single(lines);
            Assert.Equal("500", line.Properties["StatusCode"].ToString());
            Assert.Equal(LogEventLevel.Error, line.Level);
            Assert.NotNull(line.Exception);
            Assert.Equal(PostgresErrorCodes.UndefinedTable, Assert.IsType<PostgresException>(PostgresFault(line.Exception!)).SqlState);
            // Nothing about it reads as a client that went away.
            Assert.DoesNotContain(Log.Events, e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "499");
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE posts_gone RENAME TO posts");
        }
    }

    /// <summary>EF Core may wrap what Npgsql throws: the PostgreSQL error down the chain.</summary>
    private static PostgresException? PostgresFault(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres;
        }
        return null;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}

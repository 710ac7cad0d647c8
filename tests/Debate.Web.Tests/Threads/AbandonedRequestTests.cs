using Debate.Web.Tests.Infrastructure;
using Npgsql;
using Serilog.Events;
using Xunit;

namespace Debate.Web.Tests.Threads;

/// <summary>
/// A reader who gives up on a page (closes the tab, clicks on) while it waits for the database: the request ends as
/// 499 with an information line in the request log, not as a 500 logged as an error with a stack trace.
/// </summary>
public sealed class AbandonedRequestTests : LoggedApp
{
    [Fact]
    public async Task A_page_abandoned_while_it_waits_for_the_database_ends_as_499_without_an_error_in_the_log()
    {
        var client = App.CreateClient();
        await using var blocker = await DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        // The thread's posts held by another transaction: the page's query waits for them.
        await using (var lockPosts = new NpgsqlCommand("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            await lockPosts.ExecuteNonQueryAsync();

        using var giveUp = new CancellationTokenSource();
        var request = client.GetAsync("/t/scheming-ais", giveUp.Token);
        await WaitUntilAsync(async () => await SessionsWaitingOnLocksAsync() > 0, () => "the page's query to wait on the lock");
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The request log's line for it: "HTTP GET /t/scheming-ais responded ...".
        LogEvent? completed = null;
        await WaitUntilAsync(
            () => Task.FromResult((completed = Log.Events.FirstOrDefault(e =>
                e.Properties.ContainsKey("StatusCode") && e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/t/scheming-ais\"")) is not null),
            () => "the request's line in the log, which holds: " + string.Join(" | ", Log.Events.Select(e => $"{e.Level} {e.RenderMessage()}")));
        Assert.Equal("499", completed!.Properties["StatusCode"].ToString());
        Assert.Equal(LogEventLevel.Information, completed.Level);
        Assert.Null(completed.Exception);
        Assert.DoesNotContain(Log.Events, e => e.Level >= LogEventLevel.Error);
        // The query was cancelled with the request, not left waiting on the lock.
        await WaitUntilAsync(async () => await SessionsWaitingOnLocksAsync() == 0, () => "the page's query to be cancelled");
        await transaction.RollbackAsync();

        // And the page is served as ever once nothing holds it up.
        using var page = await client.GetAsync("/t/scheming-ais");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}

using System.Net;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Threads;

public class HealthWhenDatabaseIsDownTests
{
    [Fact]
    public async Task Health_reports_503_when_the_database_does_not_answer()
    {
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        await using var app = new DebateApp("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_page_shows_a_503_error_page_without_a_stack_trace_while_the_database_does_not_answer()
    {
        await using var app = new DebateApp("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<h1>Temporarily unavailable</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}

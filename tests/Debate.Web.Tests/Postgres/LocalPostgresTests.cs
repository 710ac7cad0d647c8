using Debate.Core.Postgres;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Postgres;

public class LocalPostgresTests
{
    [Fact]
    public async Task A_second_start_on_a_running_cluster_reuses_it_and_leaves_it_running()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"debate-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var options = new LocalPostgresOptions { DataDirectory = Path.Combine(folder, "postgres"), Ephemeral = true };
        try
        {
            await using var first = await LocalPostgres.StartAsync(options, _ => { });
            await using (var second = await LocalPostgres.StartAsync(options, _ => { }))
            {
                Assert.True(first.StartedHere);
                Assert.False(second.StartedHere);
                Assert.Equal(first.Port, second.Port);
            }
            // The second one did not stop what the first started.
            await using var connection = new NpgsqlConnection(first.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("debate", await command.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}

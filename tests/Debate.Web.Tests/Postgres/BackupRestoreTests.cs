using System.Diagnostics;
using System.Text.Json;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Postgres;

/// <summary>scripts/backup.sh and scripts/restore.sh, run as an operator would, on the demo thread.</summary>
public class BackupRestoreTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private static string Script(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Debate.sln")))
                return Path.Combine(folder.FullName, "scripts", name);
        }
        throw new InvalidOperationException("The repository root (Debate.sln) is not above the test binaries.");
    }

    /// <summary>Runs a script with the server named through libpq's environment, as the documentation shows.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string script, NpgsqlConnectionStringBuilder server, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Script(script), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<string> ExportAsync(string connectionString)
    {
        await using var dataSource = DebateDatabase.CreateDataSource(connectionString);
        await using var db = new DebateDbContext(DebateDatabase.Options(dataSource));
        var document = await ThreadExporter.ExportAsync(db, "scheming-ais");
        return JsonSerializer.Serialize(document, InterchangeJson.Options);
    }

    /// <summary>Every table of the database with its number of rows, as "table: count" lines.</summary>
    private static async Task<string> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var counts = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts.Append(table).Append(": ").Append(await count.ExecuteScalarAsync()).AppendLine();
        }
        return counts.ToString();
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_gives_back_the_same_thread()
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"debate-backup-{Guid.NewGuid():N}.dump");
        var restored = $"restored_{Guid.NewGuid():N}";
        var restoredDatabase = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = restored }.ConnectionString;
        try
        {
            var backup = await RunAsync("backup.sh", server, server.Database!, file);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.True(new FileInfo(file).Length > 0);

            var restore = await RunAsync("restore.sh", server, file, restored);
            Assert.True(restore.ExitCode == 0, restore.Output);

            var original = await ExportAsync(fixture.ConnectionString);
            Assert.Contains("\"slug\": \"scheming-ais\"", original, StringComparison.Ordinal);
            Assert.Equal(original, await ExportAsync(restoredDatabase));
            var rows = await RowCountsAsync(restoredDatabase);

            // A second restore into the now full database is refused and changes nothing.
            var again = await RunAsync("restore.sh", server, file, restored);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already holds", again.Output, StringComparison.Ordinal);
            Assert.Equal(rows, await RowCountsAsync(restoredDatabase));
            Assert.Equal(original, await ExportAsync(restoredDatabase));
        }
        finally
        {
            File.Delete(file);
            await using var admin = new NpgsqlConnection(fixture.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

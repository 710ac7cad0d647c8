using System.Diagnostics;
using Debate.Web.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Debate.Web.Tests.Postgres;

/// <summary>
/// docs/backup.md: "a failed or cut-short dump never replaces a good one" (the dump is written to FILE.partial, read
/// back, and only then moved to FILE), and a restore "lands whole or not at all". The scripts run as an operator would.
/// </summary>
public class BackupFailureTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
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

    /// <summary>Runs a script with the server named through libpq's environment; <paramref name="pathFirst"/> goes in front of PATH.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string script, NpgsqlConnectionStringBuilder server, string? pathFirst, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Script(script), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        if (pathFirst is not null)
            start.Environment["PATH"] = pathFirst + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A folder holding a pg_dump that stands in for the real one: <paramref name="body"/> is its bash script.</summary>
    private static string FakePgDump(string body)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"debate-fake-pg-dump-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "pg_dump");
        // The real pg_dump, found on PATH without this folder.
        File.WriteAllText(script, $"#!/usr/bin/env bash\nreal=$(PATH=\"${{PATH#{folder}:}}\" command -v pg_dump)\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    /// <summary>Makes a good backup at a new file and returns its path.</summary>
    private async Task<string> GoodBackupAsync(NpgsqlConnectionStringBuilder server)
    {
        var file = Path.Combine(Path.GetTempPath(), $"debate-backup-{Guid.NewGuid():N}.dump");
        var backup = await RunAsync("backup.sh", server, null, server.Database!, file);
        Assert.True(backup.ExitCode == 0, backup.Output);
        return file;
    }

    [Fact]
    public async Task A_dump_that_fails_leaves_the_earlier_backup_as_it_was_and_no_partial_file()
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        var file = await GoodBackupAsync(server);
        try
        {
            var good = await File.ReadAllBytesAsync(file);

            // pg_dump of a database that is not there fails at once.
            var failed = await RunAsync("backup.sh", server, null, $"missing_{Guid.NewGuid():N}", file);

            Assert.NotEqual(0, failed.ExitCode);
            Assert.Equal(good, await File.ReadAllBytesAsync(file));
            Assert.False(File.Exists(file + ".partial"), "the failed dump's FILE.partial was left behind");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A stand-in for pg_dump that finds the file it was told to write in its arguments, as "$out".</summary>
    private const string FindsItsFile = """for argument in "$@"; do case "$argument" in --file=*) out="${argument#--file=}";; esac; done""";

    [Theory]
    // pg_dump killed part way through: it has written the first half of the dump when it dies.
    [InlineData("cut short", FindsItsFile + """

        "$real" "$@" || exit 1
        truncate --size=$(( $(stat --format=%s "$out") / 2 )) "$out"
        kill -KILL $$
        """)]
    // A pg_dump that says it succeeded but wrote something pg_restore cannot read (a full disk, a broken pipe to a mount).
    [InlineData("unreadable", FindsItsFile + """

        printf 'PGDMP but not really a dump' > "$out"
        exit 0
        """)]
    public async Task A_dump_cut_short_or_unreadable_never_replaces_the_earlier_backup(string how, string pgDump)
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        var file = await GoodBackupAsync(server);
        var fake = FakePgDump(pgDump);
        try
        {
            var good = await File.ReadAllBytesAsync(file);

            var failed = await RunAsync("backup.sh", server, fake, server.Database!, file);

            Assert.NotEqual(0, failed.ExitCode);
            Assert.Equal(good, await File.ReadAllBytesAsync(file));
            Assert.False(File.Exists(file + ".partial"), $"the {how} dump's FILE.partial was left behind");
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(fake, recursive: true);
        }
    }

    [Fact]
    public async Task A_restore_that_fails_part_way_leaves_nothing_of_the_backup_in_the_database()
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        var file = await GoodBackupAsync(server);
        var target = $"restored_{Guid.NewGuid():N}";
        var targetDatabase = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = target }.ConnectionString;
        try
        {
            // The target holds no tables (so the script accepts it), but a view takes the name of one of the backup's indexes:
            // the restore creates every table and loads every row, then fails on that index, near its end.
            var index = await ScalarAsync<string>(fixture.ConnectionString,
                "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_authors_slug'");
            Assert.Equal("ix_authors_slug", index);
            await ExecuteAsync(fixture.ConnectionString, $"CREATE DATABASE \"{target}\"");
            await ExecuteAsync(targetDatabase, $"CREATE VIEW \"{index}\" AS SELECT 1 AS one");
            var tablesInBackup = await ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");

            var failed = await RunAsync("restore.sh", server, null, file, target);

            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains(index, failed.Output, StringComparison.Ordinal);
            Assert.Equal(0, await ScalarAsync<long>(targetDatabase, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"));
            Assert.Equal(0, await ScalarAsync<long>(targetDatabase, "SELECT count(*) FROM pg_extension WHERE extname IN ('ltree', 'pg_trgm')"));

            // Once the obstacle is gone the same backup lands whole.
            await ExecuteAsync(targetDatabase, $"DROP VIEW \"{index}\"");
            var restored = await RunAsync("restore.sh", server, null, file, target);
            Assert.True(restored.ExitCode == 0, restored.Output);
            Assert.Equal(tablesInBackup, await ScalarAsync<long>(targetDatabase, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"));
        }
        finally
        {
            File.Delete(file);
            await ExecuteAsync(fixture.ConnectionString, $"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

using Debate.Core.Data;
using Debate.Core.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL cluster for the whole test run, with a migrated template database. Each test
/// class copies the template (CREATE DATABASE ... TEMPLATE), so classes run in parallel on their own data.
/// </summary>
public static class TestCluster
{
    public const string TemplateDatabase = "debate_template";
    private static readonly Lazy<Task<LocalPostgres>> Cluster = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static string? _folder;

    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var cluster = await Cluster.Value;
        // Copying a template needs it free of other sessions: one copy at a time.
        await CreateLock.WaitAsync();
        try
        {
            await cluster.EnsureDatabaseAsync(name, TemplateDatabase);
        }
        finally
        {
            CreateLock.Release();
        }
        return cluster.ConnectionString(name);
    }

    private static async Task<LocalPostgres> StartAsync()
    {
        RemoveFoldersOfEndedRuns();
        _folder = Path.Combine(Path.GetTempPath(), $"debate-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(_folder);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101); // the cluster runs as postgres and must reach its folder
        var cluster = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(_folder, "postgres"), Database = TemplateDatabase, Ephemeral = true },
            _ => { });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(cluster);

        using var dataSource = DebateDatabase.CreateDataSource(cluster.ConnectionString(TemplateDatabase));
        await using (var db = new DebateDbContext(DebateDatabase.Options(dataSource)))
            await db.Database.MigrateAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    /// <summary>A run that was killed leaves its cluster folder behind; the next run clears those whose process is gone.</summary>
    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "debate-tests-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], out var pid) || IsRunning(pid))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later run; it harms nothing meanwhile.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Stop(LocalPostgres cluster)
    {
        cluster.StopAsync().GetAwaiter().GetResult();
        try
        {
            if (_folder is not null)
                Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is harmless; failing the run over it is not.
        }
    }
}

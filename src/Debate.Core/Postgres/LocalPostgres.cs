using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Debate.Core.Postgres;

public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data folder; created and initialised on first use.</summary>
    public required string DataDirectory { get; init; }
    public string Database { get; init; } = "debate";
    /// <summary>For throw-away test clusters: no fsync, more connections. Never for data one keeps.</summary>
    public bool Ephemeral { get; init; }
    /// <summary>Install the server package when it is missing and this user may (root, or password-less sudo).</summary>
    public bool InstallIfMissing { get; init; } = true;
    /// <summary>Server settings for this start, as postgresql.conf would hold them ("shared_buffers=4GB").</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, so that the app and the tests need no server set up
/// by hand. It listens on loopback only, with a generated password kept beside the data folder.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string SuperUser = "debate";
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private readonly LocalPostgresOptions _options;
    private readonly string _password;
    private bool _stopped;

    private LocalPostgres(string binDirectory, string? runAs, LocalPostgresOptions options, string password, int port, bool startedHere)
    {
        _binDirectory = binDirectory;
        _runAs = runAs;
        _options = options;
        _password = password;
        Port = port;
        StartedHere = startedHere;
    }

    public int Port { get; }

    /// <summary>False when the cluster was already running (another instance of the app started it) and so is left running.</summary>
    public bool StartedHere { get; }

    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database ?? _options.Database,
    }.ConnectionString;

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        var binDirectory = FindServerBinaries()
            ?? (options.InstallIfMissing && await InstallServerAsync(log, cancellationToken) ? FindServerBinaries() : null)
            ?? throw new PostgresUnavailableException(
                "PostgreSQL server not found: install it (Debian/Ubuntu: apt-get install postgresql) or set ConnectionStrings__Debate to an existing server.");

        var runAs = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? await UnprivilegedUserAsync(cancellationToken) : null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var passwordFile = dataDirectory + ".password";
        options = options with { DataDirectory = dataDirectory };

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitialiseAsync(binDirectory, runAs, dataDirectory, passwordFile, log, cancellationToken);
        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();

        var runningPort = await RunningPortAsync(binDirectory, runAs, dataDirectory, cancellationToken);
        var cluster = runningPort is int port
            ? new LocalPostgres(binDirectory, runAs, options, password, port, startedHere: false)
            : new LocalPostgres(binDirectory, runAs, options, password, await StartServerAsync(binDirectory, runAs, options, log, cancellationToken), startedHere: true);
        await cluster.EnsureDatabaseAsync(options.Database, cancellationToken: cancellationToken);
        return cluster;
    }

    /// <summary>Creates an empty database, or a copy of <paramref name="template"/>. Test classes each get one.</summary>
    public async Task EnsureDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;
        var sql = $"CREATE DATABASE {Quote(name)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}");
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_stopped || !StartedHere)
            return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await ProcessRunner.RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _options.DataDirectory, "-m", "fast", "-w", "stop"], _runAs);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Starts a cluster this instance stopped again, on the same port, as a restarted server comes back.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopped)
            throw new InvalidOperationException("The cluster is running.");
        var result = await StartOnPortAsync(_binDirectory, _runAs, _options, Port, cancellationToken);
        if (!result.Succeeded)
            throw new PostgresUnavailableException($"PostgreSQL did not start again: {LastLine(result.Output)}");
        _stopped = false;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Where the server's programs are: an explicit DEBATE_PG_BIN, pg_config, Debian's versioned folders, then PATH.</summary>
    public static string? FindServerBinaries()
    {
        static bool HasServer(string? directory) =>
            !string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        var candidates = new List<string?> { Environment.GetEnvironmentVariable("DEBATE_PG_BIN") };
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange(["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"]);
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        return candidates.FirstOrDefault(HasServer);
    }

    private static async Task<bool> InstallServerAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            return false;
        string[] prefix;
        if (Environment.IsPrivilegedProcess)
            prefix = [];
        else if ((await ProcessRunner.RunAsync("sudo", ["-n", "true"], cancellationToken: cancellationToken)).Succeeded)
            prefix = ["sudo", "-n"];
        else
            return false;

        log("PostgreSQL server not found; installing the Debian package 'postgresql'...");
        async Task<bool> AptAsync(params string[] arguments)
        {
            var command = prefix.Concat(["apt-get", .. arguments]).ToArray();
            return (await ProcessRunner.RunAsync(command[0], command[1..], cancellationToken: cancellationToken)).Succeeded;
        }
        return await AptAsync("install", "-y", "-q", "postgresql")
            || (await AptAsync("update", "-q") && await AptAsync("install", "-y", "-q", "postgresql"));
    }

    /// <summary>initdb refuses root: as root the cluster belongs to the 'postgres' system user (created if missing).</summary>
    private static async Task<string> UnprivilegedUserAsync(CancellationToken cancellationToken)
    {
        const string user = "postgres";
        if (!(await ProcessRunner.RunAsync("id", ["-u", user], cancellationToken: cancellationToken)).Succeeded)
        {
            var created = await ProcessRunner.RunAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", user], cancellationToken: cancellationToken);
            if (!created.Succeeded)
                throw new PostgresUnavailableException($"Cannot create the system user '{user}' to run PostgreSQL as: {LastLine(created.Output)}");
        }
        return user;
    }

    private static async Task InitialiseAsync(string binDirectory, string? runAs, string dataDirectory, string passwordFile, Action<string> log, CancellationToken cancellationToken)
    {
        log($"Creating a private PostgreSQL cluster in {dataDirectory}");
        Directory.CreateDirectory(dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (runAs is not null)
        {
            await ProcessRunner.RunAsync("chown", [$"{runAs}:", dataDirectory, passwordFile], cancellationToken: cancellationToken);
            if (!(await ProcessRunner.RunAsync("test", ["-w", dataDirectory], runAs, cancellationToken)).Succeeded)
                throw new PostgresUnavailableException(
                    $"The user '{runAs}' cannot reach {dataDirectory}: move the repository to a folder others can enter, or set LocalPostgres__DataDirectory.");
        }

        var result = await ProcessRunner.RunAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8"],
            runAs, cancellationToken);
        if (!result.Succeeded)
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw new PostgresUnavailableException($"initdb failed: {LastLine(result.Output)}");
        }
    }

    private static async Task<int?> RunningPortAsync(string binDirectory, string? runAs, string dataDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        var status = await ProcessRunner.RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "status"], runAs, cancellationToken);
        if (!status.Succeeded)
            return null;
        // postmaster.pid's fourth line is the port the server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static async Task<int> StartServerAsync(string binDirectory, string? runAs, LocalPostgresOptions options, Action<string> log, CancellationToken cancellationToken)
    {

        string lastError = "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var result = await StartOnPortAsync(binDirectory, runAs, options, port, cancellationToken);
            if (result.Succeeded)
            {
                log($"PostgreSQL started on 127.0.0.1:{port} (data in {options.DataDirectory})");
                return port;
            }
            lastError = LastLine(result.Output);
        }
        throw new PostgresUnavailableException($"PostgreSQL did not start: {lastError} (see {Path.Combine(options.DataDirectory, "server.log")})");
    }

    private static Task<ProcessResult> StartOnPortAsync(string binDirectory, string? runAs, LocalPostgresOptions options, int port, CancellationToken cancellationToken)
    {
        var settings = new List<string> { "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''" };
        if (options.Ephemeral)
            settings.AddRange(["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300"]);
        settings.AddRange(options.Settings.Select(setting => $"-c {setting}"));
        return ProcessRunner.RunAsync(Path.Combine(binDirectory, "pg_ctl"),
            ["-D", options.DataDirectory, "-l", Path.Combine(options.DataDirectory, "server.log"), "-w", "-t", "60",
             "-o", string.Join(' ', settings.Append($"-c port={port}")), "start"],
            runAs, cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last line of a tool's output is where PostgreSQL's tools say what went wrong.</summary>
    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}

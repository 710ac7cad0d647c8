using System.Diagnostics;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands run against one database while it is alive, from Npgsql's tracing: how many
/// queries a page costs, whatever other test classes run meanwhile on their own databases. (EF Core's
/// diagnostic events would do too, but EF caches "nobody listens" for a second, so early commands slip by.)
/// </summary>
public sealed class SqlCommandCounter : IDisposable
{
    private readonly string _database;
    private readonly ActivityListener _listener;
    private readonly List<string> _commands = [];

    public SqlCommandCounter(string connectionString)
    {
        _database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
                return _commands.ToList();
        }
    }

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("db.namespace") as string != _database || activity.GetTagItem("db.query.text") is not string sql)
            return;
        lock (_commands)
            _commands.Add(sql);
    }

    public void Dispose() => _listener.Dispose();
}

using Debate.Core.Data;
using Debate.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Infrastructure;

internal static partial class DatabaseStartup
{
    /// <summary>Applies pending migrations and loads the demo thread, as configured. Failures stop the app: nothing is swallowed.</summary>
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<DebateDbContext>>();
        if (configuration.GetValue("Database:Migrate", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (configuration.GetValue("Database:SeedDemo", true))
        {
            var result = await DemoSeeder.SeedAsync(db, TimeProvider.System, cancellationToken);
            LogSeeded(logger, result.Slug, result.PostsAdded, result.PostsAlreadyPresent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo thread {Slug}: {Added} posts added, {Present} already present")]
    private static partial void LogSeeded(ILogger logger, string slug, int added, int present);
}

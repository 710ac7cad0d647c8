using Debate.Core.Postgres;
using Debate.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

// The final logger is built from configuration here, never a frozen bootstrap logger, so test hosts can start it again.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddDebate();

var app = builder.Build();
app.UseDebate();

// Read after Build: only then does the configuration hold what test hosts and the environment set.
LocalPostgres? localCluster = null;
if (string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString(DebateServices.ConnectionStringName)))
{
    try
    {
        localCluster = await LocalPostgres.StartAsync(
            new LocalPostgresOptions
            {
                DataDirectory = DataDirectory.ForLocalPostgres(app.Configuration["LocalPostgres:DataDirectory"],
                    Directory.GetCurrentDirectory(), app.Environment.ContentRootPath, AppContext.BaseDirectory),
            },
            Console.WriteLine);
    }
    catch (PostgresUnavailableException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    app.Configuration[$"ConnectionStrings:{DebateServices.ConnectionStringName}"] = localCluster.ConnectionString();
}

try
{
    await DatabaseStartup.PrepareAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
finally
{
    // Shut the private cluster down cleanly with the app, so its data folder is never left mid-write.
    if (localCluster is not null)
        await localCluster.StopAsync();
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using Debate.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Debate.Migrations;

/// <summary>Lets `dotnet ef` build the model without starting the app; no database is needed to add or check migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DebateDbContext>
{
    public DebateDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Debate")
            ?? "Host=localhost;Database=debate_design_time";
        return new DebateDbContext(DebateDatabase.Options(DebateDatabase.CreateDataSource(connectionString)));
    }
}

using System.CommandLine;
using Debate.Core.Seeding;

namespace Debate.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create()
    {
        var command = new Command("seed", "Load the demo thread (changes nothing when it is already there)");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            await using var db = database.CreateContext();
            var result = await DemoSeeder.SeedAsync(db, TimeProvider.System, cancellationToken);
            Console.WriteLine($"{result.Slug}: {result.PostsAdded} posts added, {result.PostsAlreadyPresent} already present");
            return 0;
        });
        return command;
    }
}

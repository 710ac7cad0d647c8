using System.CommandLine;
using Debate.Core.Interchange;
using Debate.Core.Postgres;

namespace Debate.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "a debate-thread/1 JSON file" };
        var command = new Command("import", "Import a thread file, all or nothing; importing it again changes nothing") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var document = ThreadDocumentReader.Read(await File.ReadAllBytesAsync(path.FullName, cancellationToken), path.Name);
                await using var database = await CliDatabase.OpenAsync(cancellationToken);
                await using var db = database.CreateContext();
                var result = await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, path.Name, cancellationToken);
                Console.WriteLine($"{result.Slug}: {result.PostsAdded} posts added, {result.PostsAlreadyPresent} already present");
                return 0;
            }
            catch (ImportException e)
            {
                foreach (var error in e.Errors)
                    Console.Error.WriteLine($"{e.File}: {error}");
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresUnavailableException)
            {
                Console.Error.WriteLine($"{path.Name}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}

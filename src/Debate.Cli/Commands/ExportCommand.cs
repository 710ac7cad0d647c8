using System.CommandLine;
using System.Text.Json;
using Debate.Core.Interchange;

namespace Debate.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "the thread to export" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write to this file instead of standard output" };
        var command = new Command("export", "Write a thread as debate-thread/1 JSON") { slug, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            await using var db = database.CreateContext();
            var document = await ThreadExporter.ExportAsync(db, parse.GetValue(slug)!, cancellationToken: cancellationToken);
            if (document is null)
            {
                Console.Error.WriteLine($"There is no thread '{parse.GetValue(slug)}'.");
                return 1;
            }
            var json = JsonSerializer.Serialize(document, InterchangeJson.Options);
            if (parse.GetValue(output) is FileInfo file)
                await File.WriteAllTextAsync(file.FullName, json + "\n", cancellationToken);
            else
                Console.WriteLine(json);
            return 0;
        });
        return command;
    }
}

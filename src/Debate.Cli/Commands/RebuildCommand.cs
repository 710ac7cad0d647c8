using System.CommandLine;
using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Rebuilding;

namespace Debate.Cli.Commands;

internal static class RebuildCommand
{
    public static Command Create()
    {
        var page = new Argument<FileInfo>("page") { Description = "a scraped comment page" };
        var corrections = new Option<FileInfo>("--corrections") { Description = "a debate-corrections/1 file", Required = true };
        var outline = new Option<FileInfo?>("--outline") { Description = "a podcast page listing the report's chapters with timestamps" };
        var command = new Command("rebuild", "Reconstruct a page, apply a reviewer's corrections, and print the thread as debate-thread/1 JSON") { page, corrections, outline };
        command.SetAction(parse =>
        {
            try
            {
                var correctionsFile = parse.GetValue(corrections)!;
                var rebuilt = ThreadRebuilder.Rebuild(
                    File.ReadAllText(parse.GetValue(page)!.FullName),
                    parse.GetValue(outline) is FileInfo outlineFile ? File.ReadAllText(outlineFile.FullName) : null,
                    CorrectionsDocument.Read(File.ReadAllText(correctionsFile.FullName), correctionsFile.Name),
                    correctionsFile.Name);
                Console.WriteLine(JsonSerializer.Serialize(rebuilt.Document, InterchangeJson.Options));
                return 0;
            }
            catch (ImportException e)
            {
                foreach (var error in e.Errors)
                    Console.Error.WriteLine($"{e.File}: {error}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using Debate.Core.Generation;
using Debate.Core.Interchange;

namespace Debate.Cli.Commands;

/// <summary>Writes a generated thread of N posts as an import file, to measure imports with (bench/README.md).</summary>
internal static class BenchImportFileCommand
{
    public static Command Create()
    {
        var posts = new Option<int>("--posts") { Description = "how many posts", DefaultValueFactory = _ => 100_000 };
        var format = new Option<string>("--format") { Description = "thread (debate-thread/1 JSON) or xapi (X API v2 JSONL)", DefaultValueFactory = _ => "thread" };
        format.AcceptOnlyFromAmong("thread", "xapi");
        var seed = new Option<int>("--seed") { Description = "the same seed gives the same file", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--output", "-o") { Description = "the file to write", Required = true };
        var command = new Command("bench-import-file", "Write a generated thread of N posts as debate-thread/1 JSON or X API v2 JSONL, for import benchmarks")
        {
            posts, format, seed, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(posts);
            var key = $"bench-{parse.GetValue(seed)}";
            var generator = new SyntheticThread(parse.GetValue(seed), authorCount: Math.Max(5, count / 200));
            await using var file = File.Create(parse.GetValue(output)!.FullName);
            if (parse.GetValue(format) == "xapi")
                generator.WriteXApiPages(file, count, key);
            else
                await JsonSerializer.SerializeAsync(file, generator.Thread(key, $"Generated thread of {count:N0} posts", count, key), InterchangeJson.Options, cancellationToken);
            Console.Error.WriteLine($"{parse.GetValue(output)!.Name}: {count:N0} posts, {file.Length:N0} bytes");
            return 0;
        });
        return command;
    }
}

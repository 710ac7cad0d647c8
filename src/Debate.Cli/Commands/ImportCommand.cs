using System.CommandLine;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Core.Postgres;
using Debate.Core.Rebuilding;

namespace Debate.Cli.Commands;

internal static class ImportCommand
{
    private static readonly Dictionary<string, Platform> Sites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lesswrong"] = Platform.LessWrong,
        ["alignmentforum"] = Platform.AlignmentForum,
        ["eaforum"] = Platform.EaForum,
    };

    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "a debate-thread/1 JSON file, ForumMagnum comments JSON, an unzipped X archive (or its tweets.js), X API v2 JSON/JSONL, or a scraped comment page (text)",
        };
        var format = new Option<string?>("--format") { Description = "the file's format, when it should not be told from the content" };
        format.AcceptOnlyFromAmong([.. ImportFormats.ByName.Keys]);
        var slug = new Option<string?>("--slug") { Description = "the thread the posts go into (formats that name no thread); an existing one receives them" };
        var title = new Option<string?>("--title") { Description = "the thread's title, when it is new (formats that name no thread)" };
        var site = new Option<string?>("--site") { Description = "ForumMagnum: the forum the comments come from, when their pageUrl does not say" };
        site.AcceptOnlyFromAmong([.. Sites.Keys]);
        var command = new Command("import", "Import a thread file or a platform export, all or nothing; importing it again changes nothing")
        {
            path, format, slug, title, site,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var input = parse.GetValue(path)!;
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(input));
            ImportFormat? chosen = null;
            try
            {
                chosen = parse.GetValue(format) is { } given ? ImportFormats.ByName[given] : await ImportFormats.DetectPathAsync(input, cancellationToken);
                if (chosen is not { } known)
                {
                    Console.Error.WriteLine($"{name}: cannot tell its format; name it with --format ({string.Join(", ", ImportFormats.ByName.Keys)}).");
                    return 1;
                }
                PlatformImportOptions? options = null;
                if (!ImportFormats.NamesItsThread(known))
                {
                    if (string.IsNullOrWhiteSpace(parse.GetValue(slug)) || string.IsNullOrWhiteSpace(parse.GetValue(title)))
                    {
                        Console.Error.WriteLine($"{name}: this export ({ImportFormats.NameOf(known)}) names no thread; give --slug and --title.");
                        return 1;
                    }
                    options = new PlatformImportOptions
                    {
                        Slug = parse.GetValue(slug)!,
                        Title = parse.GetValue(title)!,
                        Site = parse.GetValue(site) is { } forum ? Sites[forum] : null,
                        Clock = TimeProvider.System,
                    };
                }
                // A scraped page comes in as a draft, kept with the machine's proposal for a moderator's review.
                var (document, source) = known == ImportFormat.ScrapedPage
                    ? ScrapedPageImport.Read(await ExportFile.ReadAsync(input, cancellationToken), options!) is var draft ? (draft.Document, draft.Source) : default
                    : (await ImportFormats.ReadPathAsync(input, known, options, cancellationToken), (ImportedDocument?)null);
                Console.Error.WriteLine($"{name}: read and checked {document.Posts.Count:N0} posts in {started.Elapsed.TotalSeconds:N1} s");
                await using var database = await CliDatabase.OpenAsync(cancellationToken);
                await using var db = database.CreateContext();
                var result = await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, name, source, new ProgressPrinter(Console.Error), cancellationToken);
                Console.Error.WriteLine($"{name}: done in {started.Elapsed.TotalSeconds:N1} s ({document.Posts.Count / Math.Max(started.Elapsed.TotalSeconds, 0.001):N0} posts/s)");
                Console.WriteLine($"{result.Slug}: {result.PostsAdded} posts added, {result.PostsAlreadyPresent} already present"
                    + (known == ImportFormat.ScrapedPage ? " (a draft: review it before publishing)" : ""));
                return 0;
            }
            catch (ImportException e)
            {
                // A fault found while writing names its JSON path; the line it stands on is found in the file again.
                var errors = chosen == ImportFormat.DebateThread && File.Exists(input)
                    ? JsonLines.Locate(await File.ReadAllTextAsync(input, cancellationToken), e.Errors)
                    : [.. e.Errors];
                foreach (var error in errors)
                    Console.Error.WriteLine($"{e.File}: {error}");
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresUnavailableException)
            {
                Console.Error.WriteLine($"{name}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Debate.Core.Interchange.Platforms;

/// <summary>
/// Reads the tweets of an X (Twitter) account archive: data/tweets.js (<c>window.YTD.tweets.part0 = [...]</c>,
/// larger archives add tweets-part1.js...) for the tweets, data/account.js for whose they are.
/// </summary>
public static partial class XArchiveReader
{
    private const string TimeFormat = "ddd MMM dd HH:mm:ss zzz yyyy";

    // Each file is JavaScript that assigns one JSON array; older archives name the tweets "tweet".
    [GeneratedRegex(@"^\s*window\.YTD\.(?<kind>\w+)\.part\d+\s*=\s*")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^tweets?(-part(?<part>\d+))?\.js$", RegexOptions.IgnoreCase)]
    private static partial Regex TweetsFileName();

    private sealed record Tweet(string Id, string? ReplyTo, string ParentWhere, DateTimeOffset PostedAt, string Body, string Raw, string Where);

    /// <summary>Reads an unzipped archive: its root folder, or the data folder in it.</summary>
    public static async Task<ThreadDocument> ReadFolderAsync(string path, PlatformImportOptions options, CancellationToken cancellationToken = default)
    {
        var data = Directory.Exists(Path.Combine(path, "data")) ? Path.Combine(path, "data") : path;
        var account = Path.Combine(data, "account.js");
        var parts = Directory.Exists(data)
            ? Directory.EnumerateFiles(data)
                .Select(f => (Path: f, Match: TweetsFileName().Match(Path.GetFileName(f))))
                .Where(f => f.Match.Success)
                .OrderBy(f => f.Match.Groups["part"].Success ? int.Parse(f.Match.Groups["part"].Value, CultureInfo.InvariantCulture) : 0)
                .Select(f => f.Path)
                .ToList()
            : [];
        if (parts.Count == 0 || !File.Exists(account))
        {
            var missing = parts.Count == 0 ? "data/tweets.js" : "data/account.js";
            throw new ImportException(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), [new ImportError(missing, "not found: give the unzipped archive's folder, or its data folder")]);
        }
        var tweets = new List<ExportFile>();
        foreach (var part in parts)
            tweets.Add(await ExportFile.ReadAsync(part, cancellationToken));
        return Read(tweets, await ExportFile.ReadAsync(account, cancellationToken), options);
    }

    public static ThreadDocument Read(ExportFile tweets, ExportFile account, PlatformImportOptions options) => Read([tweets], account, options);

    /// <param name="tweetParts">tweets.js and any tweets-partN.js, in order.</param>
    public static ThreadDocument Read(IReadOnlyList<ExportFile> tweetParts, ExportFile account, PlatformImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(tweetParts);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        if (tweetParts.Count == 0)
            throw new ArgumentException("an archive has at least tweets.js", nameof(tweetParts));
        var (username, displayName) = ReadAccount(account);

        // Faults of every part are reported under the first part's name; later parts name themselves in the path.
        var errors = new ImportErrors(tweetParts[0].Name);
        var tweets = new List<Tweet>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < tweetParts.Count; p++)
        {
            using var document = ParseAssignment(tweetParts[p], ["tweets", "tweet"]);
            var root = p == 0 ? "$" : $"{tweetParts[p].Name}: $";
            foreach (var item in JsonRecord.Items(document.RootElement, root, errors, "an item {\"tweet\": {...}}"))
            {
                if (item.Object("tweet", required: true) is not { } record)
                    continue;
                if (ReadTweet(record, item.Element.GetRawText(), errors) is { } tweet && PlatformDocument.AddId(ids, tweet.Id, record.Where("id_str"), errors))
                    tweets.Add(tweet);
            }
        }
        errors.ThrowIfAny();

        // The archive holds only this account's tweets: a reply to anyone else's starts a tree of its own.
        string? ParentOf(Tweet t) => t.ReplyTo is not null && ids.ContainsKey(t.ReplyTo) ? t.ReplyTo : null;
        PlatformDocument.CheckCycles(tweets.Select(t => (t.Id, ParentOf(t), t.ParentWhere)).ToList(), errors);
        errors.ThrowIfAny();

        var author = Tweets.Author(username, displayName);
        var now = options.Clock.GetUtcNow();
        var posts = tweets.OrderBy(t => t.PostedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => new ReadPost(new PostInfo
        {
            Id = t.Id,
            ParentId = ParentOf(t),
            AuthorId = author.Id,
            PostedAt = t.PostedAt,
            Body = t.Body,
            Revisions = [new RevisionInfo { Number = 1, Body = t.Body }],
            Provenance = [Tweets.Provenance(t.Id, username, now, t.Raw)],
        }, t.Where)).ToList();
        return PlatformDocument.Create(options, [author], posts, errors);
    }

    private static (string Username, string? DisplayName) ReadAccount(ExportFile file)
    {
        var errors = new ImportErrors(file.Name);
        using var document = ParseAssignment(file, ["account"]);
        var first = JsonRecord.Items(document.RootElement, "$", errors, "an item {\"account\": {...}}").Cast<JsonRecord?>().FirstOrDefault()
            ?? throw errors.Fatal("$", "the archive names no account");
        var account = first.Object("account", required: true);
        var username = account?.RequiredString("username");
        account?.RequiredString("accountId");
        var displayName = account?.OptionalString("accountDisplayName");
        errors.ThrowIfAny();
        return (username!, displayName);
    }

    /// <summary>The JSON array a window.YTD file assigns, read with its lines where they are so faults name the right line.</summary>
    private static JsonDocument ParseAssignment(ExportFile file, string[] kinds)
    {
        var text = ExportJson.Decode(file.Content, file.Name);
        var assignment = Assignment().Match(text);
        if (!assignment.Success || !kinds.Contains(assignment.Groups["kind"].Value, StringComparer.Ordinal))
        {
            var start = text.TrimStart().Split('\n')[0];
            throw new ImportException(file.Name, [new ImportError("line 1",
                $"not an X archive {kinds[0]} file: expected \"window.YTD.{kinds[0]}.part0 = [\", found \"{(start.Length > 40 ? start[..40] + "..." : start)}\"")]);
        }
        var json = Regex.Replace(assignment.Value, "[^\n]", " ") + text[assignment.Length..].TrimEnd().TrimEnd(';');
        var document = ExportJson.Parse(json, file.Name);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new ImportException(file.Name, [new ImportError("$", $"expected an array after \"window.YTD.{kinds[0]}.part0 =\"")]);
        }
        return document;
    }

    private static Tweet? ReadTweet(JsonRecord tweet, string raw, ImportErrors errors)
    {
        var before = errors.Count;
        var id = tweet.RequiredString("id_str");
        // Archives from before 2017's longer tweets call the text "text".
        var text = tweet.Element.TryGetProperty("full_text", out _) || !tweet.Element.TryGetProperty("text", out _)
            ? tweet.RequiredString("full_text") : tweet.RequiredString("text");
        var postedAt = tweet.Time("created_at", required: true, ParseTime, "Wed Nov 15 20:00:00 +0000 2023");
        var replyTo = tweet.OptionalString("in_reply_to_status_id_str");
        var urls = tweet.Object("entities")?.Array("urls", "a link").ToList() ?? [];
        if (errors.Count > before)
            return null;
        // A retweet is someone else's words, cut short; the debate is in the account's own tweets.
        if (text!.StartsWith("RT @", StringComparison.Ordinal))
            return null;
        return new Tweet(id!, replyTo, tweet.Where("in_reply_to_status_id_str"), postedAt!.Value, Tweets.Markdown(text, urls), raw, tweet.Path);
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;
}

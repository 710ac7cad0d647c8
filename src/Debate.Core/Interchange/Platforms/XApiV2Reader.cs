using System.Collections.Concurrent;
using System.Text.Json;
using Debate.Core.Markdown;

namespace Debate.Core.Interchange.Platforms;

/// <summary>
/// Reads tweets fetched with the X API v2 (a search or a conversation lookup with the author and the
/// referenced tweets expanded): one page as a JSON document, an array of pages, or JSONL with one page a line.
/// </summary>
public static class XApiV2Reader
{
    private const string TimeExample = "2023-11-16T10:00:00.000Z";

    private sealed record Tweet(
        string Id, string AuthorId, string? ConversationId, DateTimeOffset PostedAt, string Markdown,
        string? RepliedTo, string ParentWhere, string? Quoted, bool Retweet, string Raw, string Where);

    private sealed record User(string Username, string? Name);

    public static ThreadDocument Read(byte[] content, string fileName, PlatformImportOptions options) =>
        Read(ExportJson.Decode(content, fileName), fileName, options);

    public static ThreadDocument Read(string text, string fileName, PlatformImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ImportErrors(fileName);
        var pages = Pages(text, fileName);
        var data = new List<Tweet>();
        var known = new Dictionary<string, Tweet>(StringComparer.Ordinal);
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var (document, path) in pages)
                ReadPage(document.RootElement, path, errors, data, known, users, ids);
        }
        finally
        {
            foreach (var (document, _) in pages)
                document.Dispose();
        }
        errors.ThrowIfAny();

        // The tweets asked for, and those of their conversations that came along as referenced tweets.
        var conversations = data.Select(t => t.ConversationId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var selected = data.Where(t => !t.Retweet)
            .Concat(known.Values.Where(t => !ids.ContainsKey(t.Id) && !t.Retweet && t.ConversationId is not null && conversations.Contains(t.ConversationId)))
            .OrderBy(t => t.PostedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var posts = selected.ToDictionary(t => t.Id, StringComparer.Ordinal);
        string? ParentOf(Tweet t) => t.RepliedTo is not null && posts.ContainsKey(t.RepliedTo) ? t.RepliedTo : null;
        PlatformDocument.CheckCycles(selected.Select(t => (t.Id, ParentOf(t), t.ParentWhere)).ToList(), errors);
        errors.ThrowIfAny();

        // A quote tweet shows the tweet it quotes above its own words, as a forum reply would.
        var bodies = selected.ToDictionary(
            t => t.Id,
            t => t.Quoted is not null && known.TryGetValue(t.Quoted, out var quoted) ? MarkdownText.Quote(quoted.Markdown) + "\n\n" + t.Markdown : t.Markdown,
            StringComparer.Ordinal);
        // Anchoring a quote tweet renders the quoted tweet's text, the costly part of reading a file: each text
        // is rendered once, and the quotes are anchored on every core.
        var plainTexts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string PlainText(string markdown) => plainTexts.GetOrAdd(markdown, QuoteAnchors.PlainText);
        var quotes = selected.AsParallel().AsOrdered()
            .Select(t => t.Quoted is not null && posts.TryGetValue(t.Quoted, out var source)
                ? QuoteAnchors.Anchor(PlainText(source.Markdown).Trim(), source.Id, PlainText(bodies[source.Id]))
                : null)
            .ToList();
        var now = options.Clock.GetUtcNow();
        var authors = new List<AuthorInfo>();
        var read = selected.Select((t, i) =>
        {
            var user = users.GetValueOrDefault(t.AuthorId);
            // Without the author expansion only the account's number is known.
            var author = user is null ? new AuthorInfo { Id = $"x-id-{t.AuthorId}", DisplayName = $"X account {t.AuthorId}" } : Tweets.Author(user.Username, user.Name);
            authors.Add(author);
            return new ReadPost(new PostInfo
            {
                Id = t.Id,
                ParentId = ParentOf(t),
                AuthorId = author.Id,
                PostedAt = t.PostedAt,
                Body = bodies[t.Id],
                Revisions = [new RevisionInfo { Number = 1, Body = bodies[t.Id] }],
                Provenance = [Tweets.Provenance(t.Id, user?.Username, now, t.Raw)],
                Quotes = quotes[i] is { } quote ? [quote] : [],
            }, t.Where);
        }).ToList();
        return PlatformDocument.Create(options, authors, read, errors);
    }

    /// <summary>The pages of the file, each with the path its faults are named by ("$", "$[2]", "line 3, $").</summary>
    private static List<(JsonDocument Document, string Path)> Pages(string text, string file)
    {
        var lines = text.Split('\n');
        var numbered = lines.Select((line, i) => (Line: line, Number: i + 1)).Where(l => l.Line.Trim().Length > 0).ToList();
        // JSONL: more than one line, and the first is a whole JSON value on its own.
        if (numbered.Count > 1 && IsWholeJson(numbered[0].Line))
        {
            var pages = new List<(JsonDocument, string)>();
            try
            {
                foreach (var (line, number) in numbered)
                    pages.Add((ExportJson.Parse(line, file, number), $"line {number}, $"));
            }
            catch
            {
                foreach (var (document, _) in pages)
                    document.Dispose();
                throw;
            }
            return pages;
        }
        var single = ExportJson.Parse(text, file);
        if (single.RootElement.ValueKind != JsonValueKind.Array)
            return [(single, "$")];
        // An array of pages: each page is its own document, so the whole can be disposed page by page.
        var split = single.RootElement.EnumerateArray().Select((page, i) => (JsonDocument.Parse(page.GetRawText()), $"$[{i}]")).ToList();
        single.Dispose();
        return split;
    }

    private static bool IsWholeJson(string line)
    {
        try
        {
            using var _ = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void ReadPage(
        JsonElement root, string path, ImportErrors errors, List<Tweet> data, Dictionary<string, Tweet> known,
        Dictionary<string, User> users, Dictionary<string, string> ids)
    {
        if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("data", out _) || root.TryGetProperty("includes", out _) || root.TryGetProperty("meta", out _)))
            throw errors.Fatal(path, "not an X API v2 page: expected an object with data, includes or meta");
        var page = new JsonRecord(root, path, errors);
        var lookup = root.TryGetProperty("data", out var single) && single.ValueKind == JsonValueKind.Object;
        // A lookup of one tweet has it alone in data; another API's data (a forum's comments) is no tweet.
        if (lookup && !single.TryGetProperty("id", out _) && !single.TryGetProperty("text", out _))
            throw errors.Fatal(page.Where("data"), "not an X API v2 page: data holds neither tweets nor a tweet");
        var items = lookup ? [page.Object("data")!.Value] : page.Array("data", "a tweet");
        foreach (var record in items)
        {
            if (ReadTweet(record, errors) is not { } tweet || !PlatformDocument.AddId(ids, tweet.Id, record.Where("id"), errors))
                continue;
            data.Add(tweet);
            known[tweet.Id] = tweet;
        }
        if (page.Object("includes") is not { } includes)
            return;
        foreach (var record in includes.Array("users", "a user"))
        {
            var id = record.RequiredString("id");
            var username = record.RequiredString("username");
            if (id is not null && username is not null)
                users.TryAdd(id, new User(username, record.OptionalString("name")));
        }
        // Referenced tweets come again on every page that references them.
        foreach (var record in includes.Array("tweets", "a tweet"))
        {
            if (ReadTweet(record, errors) is { } tweet)
                known.TryAdd(tweet.Id, tweet);
        }
    }

    private static Tweet? ReadTweet(JsonRecord tweet, ImportErrors errors)
    {
        var before = errors.Count;
        var id = tweet.RequiredString("id");
        // A long tweet's text is cut at 280 characters; note_tweet has all of it.
        var note = tweet.Object("note_tweet");
        var text = note?.OptionalString("text") is { Length: > 0 } full ? full : tweet.RequiredString("text");
        var authorId = tweet.RequiredString("author_id");
        var postedAt = tweet.Time("created_at", required: true, ExportJson.ParseIsoTime, TimeExample);
        var urls = (tweet.Object("entities")?.Array("urls", "a link") ?? []).Concat(note?.Object("entities")?.Array("urls", "a link") ?? []).ToList();
        string? repliedTo = null, quoted = null;
        var parentWhere = tweet.Where("referenced_tweets");
        var retweet = false;
        foreach (var reference in tweet.Array("referenced_tweets", "a referenced tweet"))
        {
            var type = reference.RequiredString("type");
            var referenced = reference.RequiredString("id");
            if (type == "replied_to")
                (repliedTo, parentWhere) = (referenced, reference.Where("id"));
            else if (type == "quoted")
                quoted = referenced;
            else if (type == "retweeted")
                retweet = true;
        }
        if (errors.Count > before)
            return null;
        return new Tweet(id!, authorId!, tweet.OptionalString("conversation_id"), postedAt!.Value, Tweets.Markdown(text!, urls),
            repliedTo, parentWhere, quoted, retweet, tweet.Element.GetRawText(), tweet.Path);
    }
}

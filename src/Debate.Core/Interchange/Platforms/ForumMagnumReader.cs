using System.Text.Json;
using Debate.Core.Markdown;
using Debate.Core.Model;

namespace Debate.Core.Interchange.Platforms;

/// <summary>
/// Reads comments from the ForumMagnum GraphQL API (LessWrong, the Alignment Forum, the EA Forum):
/// <c>{"data":{"comments":{"results":[...]}}}</c>, or a bare array of comments.
/// </summary>
public static class ForumMagnumReader
{
    private const string TimeExample = "2023-11-16T10:00:00.000Z";

    private sealed record Comment(
        string Id, string? ParentId, string? TopLevelId, string ParentWhere, string? PostId, DateTimeOffset PostedAt,
        DateTimeOffset? EditedAt, string Body, bool Deleted, bool Af, string? PageUrl, User? User, string Raw, string Where)
    {
        public string? Handle => User?.Handle;
    }

    /// <summary>A comment's author as the forum names them; null for a deleted account.</summary>
    private sealed record User(string Slug, string Handle, string DisplayName);

    public static ThreadDocument Read(byte[] content, string fileName, PlatformImportOptions options) =>
        Read(ExportJson.Decode(content, fileName), fileName, options);

    public static ThreadDocument Read(string json, string fileName, PlatformImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ImportErrors(fileName);
        using var document = ExportJson.Parse(json, fileName);
        var (results, path) = Results(document.RootElement, errors);

        var comments = new List<Comment>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in JsonRecord.Items(results, path, errors, "a comment"))
        {
            if (ReadComment(record, errors) is { } comment && PlatformDocument.AddId(ids, comment.Id, record.Where("_id"), errors))
                comments.Add(comment);
        }
        errors.ThrowIfAny();

        var byId = comments.ToDictionary(c => c.Id, StringComparer.Ordinal);
        // A reply whose parent is not in the file hangs from its top-level comment, or starts a tree of its own.
        string? ParentOf(Comment c) =>
            c.ParentId is not null && byId.ContainsKey(c.ParentId) ? c.ParentId
            : c.TopLevelId is not null && c.TopLevelId != c.Id && byId.ContainsKey(c.TopLevelId) ? c.TopLevelId
            : null;
        PlatformDocument.CheckCycles(comments.Select(c => (c.Id, ParentOf(c), c.ParentWhere)).ToList(), errors);
        errors.ThrowIfAny();

        var fileSite = options.Site ?? comments.Select(c => SiteOf(c.PageUrl)).FirstOrDefault(s => s is not null);
        var now = options.Clock.GetUtcNow();
        var plainTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        var authors = new List<AuthorInfo>();
        var posts = comments.Select(c =>
        {
            var parent = ParentOf(c);
            var site = options.Site ?? SiteOf(c.PageUrl) ?? fileSite;
            var author = Author(c.User, site);
            authors.Add(author);
            return new ReadPost(new PostInfo
            {
                Id = c.Id,
                ParentId = parent,
                AuthorId = author.Id,
                PostedAt = c.PostedAt,
                Body = c.Body,
                Deleted = c.Deleted,
                Revisions = [new RevisionInfo { Number = 1, Body = c.Body, EditedAt = c.EditedAt }],
                Provenance = Provenance(c, site, now),
                Quotes = parent is null ? [] : Quotes(c.Body, parent, PlainText(byId[parent])),
            }, c.Where);
        }).ToList();
        return PlatformDocument.Create(options, authors, posts, errors);

        string PlainText(Comment c)
        {
            if (!plainTexts.TryGetValue(c.Id, out var text))
                plainTexts[c.Id] = text = QuoteAnchors.PlainText(c.Body);
            return text;
        }
    }

    private static (JsonElement Results, string Path) Results(JsonElement root, ImportErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return (root, "$");
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("comments", out var comments) && comments.ValueKind == JsonValueKind.Object
            && comments.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            return (results, "$.data.comments.results");
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var graphQlErrors) && graphQlErrors.ValueKind == JsonValueKind.Array)
        {
            var first = graphQlErrors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.ToString() : e.ToString()).FirstOrDefault();
            throw errors.Fatal("$.errors", $"the API answered with errors, not comments: {first}");
        }
        throw errors.Fatal("$", "not a ForumMagnum comment list: expected {\"data\":{\"comments\":{\"results\":[...]}}} or an array of comments");
    }

    private static Comment? ReadComment(JsonRecord record, ImportErrors errors)
    {
        var before = errors.Count;
        var id = record.RequiredString("_id");
        var postedAt = record.Time("postedAt", required: true, ExportJson.ParseIsoTime, TimeExample);
        var contents = record.Object("contents");
        var editedAt = contents?.Time("editedAt", required: false, ExportJson.ParseIsoTime, TimeExample);
        // The forum stamps editedAt when a comment is first saved too: version 1.0.0 (or no version and
        // a stamp within a minute of posting) is the unedited text.
        var version = contents?.OptionalString("version");
        var edited = editedAt > postedAt && (version is null ? editedAt - postedAt > TimeSpan.FromMinutes(1) : version != "1.0.0");
        var deleted = record.Flag("deleted");
        var body = Body(record, contents, deleted, errors);
        var user = ReadUser(record);
        var comment = new Comment(
            id ?? "", record.OptionalString("parentCommentId"), record.OptionalString("topLevelCommentId"), record.Where("parentCommentId"),
            record.OptionalString("postId"), postedAt ?? default, edited ? editedAt : null, body ?? "", deleted,
            record.Flag("af"), record.OptionalString("pageUrl"), user, record.Element.GetRawText(), record.Path);
        return errors.Count == before ? comment : null;
    }

    /// <summary>The comment's Markdown: the forum's own when it has one, else its HTML converted.</summary>
    private static string? Body(JsonRecord record, JsonRecord? contents, bool deleted, ImportErrors errors)
    {
        if (contents?.OptionalString("markdown") is { Length: > 0 } markdown)
            return markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if ((contents?.OptionalString("html") ?? record.OptionalString("htmlBody")) is { } html)
            return HtmlToMarkdown.Convert(html);
        if (deleted)
            return "";
        errors.Add(record.Where("contents"), "required, but missing: a comment needs contents.markdown, contents.html or htmlBody");
        return null;
    }

    private static User? ReadUser(JsonRecord record)
    {
        if (record.Object("user") is not { } user)
            return null;
        var slug = user.RequiredString("slug");
        var username = user.OptionalString("username");
        var handle = string.IsNullOrWhiteSpace(username) ? slug : username;
        var displayName = user.OptionalString("displayName") is { Length: > 0 } name ? name : handle;
        return slug is null ? null : new User(slug, handle!, displayName!);
    }

    // Deleted accounts come back with user: null; their comments are kept under one anonymous author.
    private static AuthorInfo Author(User? user, Platform? site)
    {
        if (user is null)
            return new AuthorInfo { Id = "anonymous", DisplayName = "[anonymous]" };
        // LessWrong and the Alignment Forum share their accounts; the EA Forum has its own.
        var platform = site == Platform.EaForum ? Platform.EaForum : Platform.LessWrong;
        var host = site is null ? null : Host(platform);
        return new AuthorInfo
        {
            Id = user.Slug,
            DisplayName = user.DisplayName,
            Accounts = [new AccountInfo { Platform = platform, Handle = user.Handle, Url = host is null ? null : $"https://{host}/users/{user.Slug}" }],
        };
    }

    private static List<ProvenanceInfo> Provenance(Comment c, Platform? site, DateTimeOffset now)
    {
        var platform = site ?? Platform.LessWrong;
        var original = new ProvenanceInfo
        {
            Platform = platform,
            Url = c.PageUrl ?? CommentUrl(site, c),
            ExternalId = c.Id,
            AuthorHandle = c.Handle,
            CapturedAt = now,
            Relation = ProvenanceRelation.Original,
            RawRecord = c.Raw,
        };
        // An Alignment Forum comment is the same comment on LessWrong: one site shows the other's.
        if (!c.Af || platform == Platform.EaForum)
            return [original];
        var other = platform == Platform.AlignmentForum ? Platform.LessWrong : Platform.AlignmentForum;
        return [original, new ProvenanceInfo
        {
            Platform = other,
            Url = site is null ? null : CommentUrl(other, c),
            ExternalId = c.Id,
            AuthorHandle = c.Handle,
            CapturedAt = now,
            Relation = ProvenanceRelation.Mirror,
        }];
    }

    private static string? CommentUrl(Platform? site, Comment c) =>
        site is { } known && c.PostId is not null && Host(known) is { } host ? $"https://{host}/posts/{c.PostId}/-/comment/{c.Id}" : null;

    private static string? Host(Platform site) => site switch
    {
        Platform.LessWrong => "www.lesswrong.com",
        Platform.AlignmentForum => "www.alignmentforum.org",
        Platform.EaForum => "forum.effectivealtruism.org",
        _ => null,
    };

    /// <summary>The forum a page address belongs to; null for another host or no address.</summary>
    public static Platform? SiteOf(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return host.ToLowerInvariant() switch
        {
            "lesswrong.com" => Platform.LessWrong,
            "alignmentforum.org" => Platform.AlignmentForum,
            "forum.effectivealtruism.org" => Platform.EaForum,
            _ => null,
        };
    }

    private static List<QuoteInfo> Quotes(string body, string parentId, string parentPlainText) =>
        QuoteAnchors.Blockquotes(body)
            .Select(quoted => QuoteAnchors.Anchor(quoted, parentId, parentPlainText))
            .OfType<QuoteInfo>()
            .DistinctBy(q => q.Start)
            .ToList();
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Debate.Core.Claims;

namespace Debate.Core.Interchange;

/// <summary>Reads a debate-thread/1 file and checks everything an import relies on, naming each fault by its JSON path.</summary>
public static partial class ThreadDocumentReader
{
    public const int MaxBodyLength = 200_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    public static partial Regex SlugPattern();

    public static ThreadDocument Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportException(fileName, [new ImportError($"byte {e.Index}", "the file is not valid UTF-8 text")]);
        }
        return Read(text, fileName);
    }

    public static ThreadDocument Read(string json, string fileName)
    {
        ThreadDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ThreadDocument>(json.TrimStart('\uFEFF'), InterchangeJson.Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $"line {line + 1}, {e.Path ?? "$"}" : e.Path ?? "$";
            throw new ImportException(fileName, [new ImportError(where, Describe(e))]);
        }
        if (document is null)
            throw new ImportException(fileName, [new ImportError("$", "the file holds null, not a debate-thread/1 document")]);

        var errors = Validate(document);
        if (errors.Count > 0)
            throw new ImportException(fileName, JsonLines.Locate(json, errors));
        return document;
    }

    // System.Text.Json's messages end with its own path and line; ours says where once, in front.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    public static List<ImportError> Validate(ThreadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<ImportError>();
        void Fail(string where, string message) => errors.Add(new ImportError(where, message));

        if (document.Format != ThreadDocument.FormatName)
            Fail("$.format", $"expected \"{ThreadDocument.FormatName}\", found \"{document.Format}\"");
        if (!SlugPattern().IsMatch(document.Thread.Slug))
            Fail("$.thread.slug", "use 1 to 100 lower-case letters, digits and hyphens");
        if (string.IsNullOrWhiteSpace(document.Thread.Title))
            Fail("$.thread.title", "a thread needs a title");
        // The stored columns' widths: a longer value is refused here, by name, instead of failing the whole write.
        void Limit(string? value, int max, string where)
        {
            if (value is not null && value.Length > max)
                Fail(where, $"{value.Length} characters; the limit is {max}");
        }
        // An empty id would name nothing (a post with id "" would even be its own parent, as top-level posts are).
        void Named(string? value, string where)
        {
            if (value is not null && value.Trim().Length == 0)
                Fail(where, "required, but empty");
        }
        Limit(document.Thread.Title, 300, "$.thread.title");
        for (var i = 0; i < document.Thread.Outline.Count; i++)
            Limit(document.Thread.Outline[i].Number, 32, $"$.thread.outline[{i}].number");
        for (var i = 0; i < document.Authors.Count; i++)
        {
            Limit(document.Authors[i].Id, 100, $"$.authors[{i}].id");
            Named(document.Authors[i].Id, $"$.authors[{i}].id");
            Limit(document.Authors[i].DisplayName, 200, $"$.authors[{i}].displayName");
            Named(document.Authors[i].DisplayName, $"$.authors[{i}].displayName");
            for (var a = 0; a < document.Authors[i].Accounts.Count; a++)
                Limit(document.Authors[i].Accounts[a].Handle, 200, $"$.authors[{i}].accounts[{a}].handle");
        }
        for (var i = 0; i < document.Tags.Count; i++)
        {
            Limit(document.Tags[i].Name, 64, $"$.tags[{i}].name");
            if (document.Tags[i].Name.Length <= TagNames.MaxLength && TagNames.Normalize(document.Tags[i].Name) != document.Tags[i].Name)
                Fail($"$.tags[{i}].name", $"\"{document.Tags[i].Name}\" is not a tag name. {TagNames.Rule}");
            Limit(document.Tags[i].Statement, 500, $"$.tags[{i}].statement");
            if (document.Tags[i].Synonyms.Count > TagNames.MaxSynonyms || document.Tags[i].Synonyms.Any(s => s.Length > TagNames.MaxLength))
                Fail($"$.tags[{i}].synonyms", TagNames.SynonymsRule);
        }
        for (var i = 0; i < document.Posts.Count; i++)
        {
            Limit(document.Posts[i].Id, 200, $"$.posts[{i}].id");
            Named(document.Posts[i].Id, $"$.posts[{i}].id");
            for (var v = 0; v < document.Posts[i].Provenance.Count; v++)
            {
                Limit(document.Posts[i].Provenance[v].ExternalId, 200, $"$.posts[{i}].provenance[{v}].externalId");
                Limit(document.Posts[i].Provenance[v].AuthorHandle, 200, $"$.posts[{i}].provenance[{v}].authorHandle");
            }
        }

        var authorIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Authors.Count; i++)
        {
            if (!authorIds.Add(document.Authors[i].Id))
                Fail($"$.authors[{i}].id", $"\"{document.Authors[i].Id}\" is used by an earlier author");
        }
        var tagNames = document.Tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var posts = new Dictionary<string, PostInfo>(StringComparer.Ordinal);
        for (var i = 0; i < document.Posts.Count; i++)
        {
            if (!posts.TryAdd(document.Posts[i].Id, document.Posts[i]))
                Fail($"$.posts[{i}].id", $"\"{document.Posts[i].Id}\" is used by an earlier post");
        }

        var externalIds = new HashSet<(Model.Platform, string)>();
        for (var i = 0; i < document.Posts.Count; i++)
        {
            var post = document.Posts[i];
            var at = $"$.posts[{i}]";
            if (post.ParentId is not null && !posts.ContainsKey(post.ParentId))
                Fail($"{at}.parentId", $"\"{post.ParentId}\" is not the id of a post in this file");
            if (!authorIds.Contains(post.AuthorId))
                Fail($"{at}.authorId", $"\"{post.AuthorId}\" is not the id of an author in this file");
            if (post.Body.Length > MaxBodyLength)
                Fail($"{at}.body", $"{post.Body.Length} characters; the limit is {MaxBodyLength}");
            for (var r = 0; r < post.Revisions.Count; r++)
            {
                if (post.Revisions[r].Number != r + 1)
                    Fail($"{at}.revisions[{r}].number", $"revisions run 1, 2, 3... oldest first; found {post.Revisions[r].Number}");
            }
            if (post.Revisions.Count > 0 && post.Revisions[^1].Body != post.Body)
                Fail($"{at}.body", "differs from the last revision, which is the current text");
            for (var p = 0; p < post.Provenance.Count; p++)
            {
                var record = post.Provenance[p];
                if (record.ExternalId is not null && !externalIds.Add((record.Platform, record.ExternalId)))
                    Fail($"{at}.provenance[{p}].externalId", $"{record.Platform} item \"{record.ExternalId}\" is claimed by an earlier record");
                if ((record.SpanStart is null) != (record.SpanEnd is null) || record.SpanStart > record.SpanEnd || record.SpanStart < 0)
                    Fail($"{at}.provenance[{p}]", "spanStart and spanEnd go together, with 0 <= spanStart <= spanEnd");
            }
            for (var q = 0; q < post.Quotes.Count; q++)
            {
                var quote = post.Quotes[q];
                if (!posts.TryGetValue(quote.SourcePostId, out var source))
                    Fail($"{at}.quotes[{q}].sourcePostId", $"\"{quote.SourcePostId}\" is not the id of a post in this file");
                else if (quote.SourceRevision < 1 || quote.SourceRevision > Math.Max(1, source.Revisions.Count))
                    Fail($"{at}.quotes[{q}].sourceRevision", $"post \"{source.Id}\" has no revision {quote.SourceRevision}");
                CheckSpan($"{at}.quotes[{q}]", quote.Start, quote.End, quote.Exact);
            }
            for (var c = 0; c < post.Claims.Count; c++)
            {
                var claim = post.Claims[c];
                // The contract names a claim's tag only; $.tags, where present, adds its statement and synonyms.
                if (!tagNames.Contains(claim.Tag) && TagNames.Normalize(claim.Tag) != claim.Tag)
                    Fail($"{at}.claims[{c}].tag", $"\"{claim.Tag}\" is not a tag name. {TagNames.Rule}");
                CheckSpan($"{at}.claims[{c}]", claim.Start, claim.End, claim.Exact);
            }
        }
        CheckParentCycles(document, Fail);
        return errors;

        void CheckSpan(string where, int start, int end, string exact)
        {
            if (start < 0 || end < start || end - start != exact.Length)
                Fail(where, $"start {start} and end {end} must span the {exact.Length} characters of exact");
        }
    }

    private static void CheckParentCycles(ThreadDocument document, Action<string, string> fail)
    {
        var parents = document.Posts.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().ParentId, StringComparer.Ordinal);
        var safe = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Posts.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (string? id = document.Posts[i].Id; id is not null && !safe.Contains(id); id = parents.GetValueOrDefault(id))
            {
                if (!seen.Add(id))
                {
                    fail($"$.posts[{i}].parentId", $"following parents from \"{document.Posts[i].Id}\" comes back to \"{id}\": replies cannot form a cycle");
                    break;
                }
            }
            safe.UnionWith(seen);
        }
    }
}

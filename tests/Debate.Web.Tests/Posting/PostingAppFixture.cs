using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Web.Tests.Infrastructure;
using Debate.Web.Tests.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Tests.Posting;

/// <summary>A span of a post's current revision, as the page script would send it for a quote.</summary>
public sealed record QuoteOf(long PostId, long RevisionId, int Start, int End, string Exact);

/// <summary>The reading thread (imported posts to quote), the app over it, and members who write through its forms.</summary>
public class PostingAppFixture : AccountAppFixture
{
    public const string Slug = "replying";

    public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

    protected override async Task PrepareAsync(DebateDbContext db)
    {
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(ReadingThread.Document(Slug), "reading.json");
        Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
    }

    /// <summary>Where <paramref name="words"/> stand in the post's current text: what selecting them in the page gives.</summary>
    public async Task<QuoteOf> QuoteAsync(long postId, string words)
    {
        await using var db = CreateContext();
        var revision = await db.Posts.Where(p => p.Id == postId).Select(p => p.CurrentRevision!).SingleAsync();
        var start = revision.PlainText.IndexOf(words, StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException($"\"{words}\" is not in post {postId}.");
        return new QuoteOf(postId, revision.Id, start, start + words.Length, words);
    }

    /// <summary>Fills in the reply form (of the post <paramref name="parentId"/>, or a new post) as the page script would, and sends it.</summary>
    public static Task<HttpResponseMessage> ReplyAsync(HttpClient client, long? parentId, string body, params QuoteOf[] quotes)
    {
        var fields = new Dictionary<string, string> { ["Input.Body"] = body };
        for (var i = 0; i < quotes.Length; i++)
        {
            var q = quotes[i];
            fields[$"Input.Quotes[{i}].SourcePostId"] = Invariant(q.PostId);
            fields[$"Input.Quotes[{i}].SourceRevisionId"] = Invariant(q.RevisionId);
            fields[$"Input.Quotes[{i}].Start"] = Invariant(q.Start);
            fields[$"Input.Quotes[{i}].End"] = Invariant(q.End);
            fields[$"Input.Quotes[{i}].Exact"] = q.Exact;
        }
        var path = parentId is long id ? $"/t/{Slug}/reply?to={id}" : $"/t/{Slug}/reply";
        return client.SubmitAsync(path, fields, "form.reply-form");
    }

    /// <summary>Posts a reply that must be saved, and returns the new post's id.</summary>
    public static async Task<long> PostAsync(HttpClient client, long? parentId, string body, params QuoteOf[] quotes)
    {
        using var response = await ReplyAsync(client, parentId, body, quotes);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The reply was not saved ({response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.ToString();
        return long.Parse(location[(location.LastIndexOf("#p", StringComparison.Ordinal) + 2)..], CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of a page's form as the browser holds them when it was opened (hidden ones, the token, the textarea).</summary>
    public static async Task<Dictionary<string, string>> OpenFormAsync(HttpClient client, string path, string formSelector)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {path}.");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => i.Name is { Length: > 0 })
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
            fields[area.Name!] = area.Value;
        return fields;
    }

    public static string FieldError(IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? "";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

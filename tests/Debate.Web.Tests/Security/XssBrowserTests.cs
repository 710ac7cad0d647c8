using System.Globalization;
using System.Text.Json;
using Debate.Core.Accounts;
using Debate.Core.Anchoring;
using Debate.Core.Claims;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Markdown;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Security;

/// <summary>
/// Every known XSS payload put into every field of an imported thread that a page shows (post bodies and their
/// revisions, quotes, claim tags' statements and synonyms, author names and accounts, provenance addresses, thread
/// titles, sources and outline), then every page that shows them opened in Chromium. (A tag's name is an address:
/// an import refuses one that is not lower-case letters, digits and hyphens, so no payload gets that far.)
/// </summary>
public class XssBrowserTests(XssBrowserTests.Fixture fixture) : IClassFixture<XssBrowserTests.Fixture>
{
    public const string Slug = "hostile";

    public sealed class Fixture : PlainHttpAccountAppFixture
    {
        public IReadOnlyDictionary<string, long> Ids { get; private set; } = new Dictionary<string, long>();

        public async Task LoadIdsAsync()
        {
            await using var db = CreateContext();
            Ids = await db.Posts.Where(p => p.Thread!.Slug == Slug).ToDictionaryAsync(p => p.ImportKey!, p => p.Id);
        }

        /// <summary>One thread per payload with the payload as its title, source and outline, imported from its file as `debate import` does.</summary>
        public async Task ImportTitleThreadsAsync()
        {
            await using var db = CreateContext();
            for (var i = 0; i < HostileInput.Payloads.Count; i++)
            {
                var json = JsonSerializer.Serialize(TitleThread(i, HostileInput.Payloads[i]), InterchangeJson.Options);
                var document = ThreadDocumentReader.Read(json, $"title-{i}.json");
                await new ThreadImporter(db, TimeProvider.System).ImportAsync(document, $"title-{i}.json");
            }
        }
    }

    private static readonly DateTimeOffset Posted = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Plain(string markdown) => MarkdownRenderer.Render(markdown, "x").PlainText;

    private static string Key(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tag i's name: the payload goes into its statement and synonyms, the name being an address.</summary>
    private static string TagName(int i) => Key("hostile-tag-", i);

    /// <summary>Payload i is author ai's name and account, tag i's statement and synonym (its first 64 characters), post pi (and its first revision), the quote and the reply qi makes of it, and pi's provenance address.</summary>
    public static ThreadDocument HostileThread()
    {
        var payloads = HostileInput.Payloads;
        var posts = new List<PostInfo>();
        for (var i = 0; i < payloads.Count; i++)
        {
            var payload = payloads[i];
            var first = "At first: " + payload;
            var text = Plain(payload).Trim();
            var anchor = text.Length == 0 ? null : TextAnchoring.CreateUnique(Plain(payload), text);
            posts.Add(new PostInfo
            {
                Id = Key("p", i), AuthorId = Key("a", i), PostedAt = Posted.AddMinutes(2 * i), Body = payload,
                Revisions = [new RevisionInfo { Number = 1, Body = first }, new RevisionInfo { Number = 2, Body = payload, EditedAt = Posted.AddMinutes(2 * i + 1) }],
                Provenance = [new ProvenanceInfo { Platform = Platform.Web, Url = payload, ExternalId = Key("web-", i) }],
                Claims = anchor is null ? [] : [new ClaimInfo { Tag = TagName(i), Stance = Stance.Opposes, Exact = anchor.Exact, Prefix = anchor.Prefix, Suffix = anchor.Suffix, Start = anchor.Start, End = anchor.End }],
            });
            posts.Add(new PostInfo
            {
                Id = Key("q", i), ParentId = Key("p", i), AuthorId = Key("a", i), PostedAt = Posted.AddMinutes(2 * i + 1),
                Body = "> " + payload + "\n\n" + payload,
                Quotes = anchor is null ? [] : [new QuoteInfo { SourcePostId = Key("p", i), SourceRevision = 2, Exact = anchor.Exact, Prefix = anchor.Prefix, Suffix = anchor.Suffix, Start = anchor.Start, End = anchor.End }],
            });
        }
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = Slug, Title = "Hostile input" },
            Authors = payloads.Select((payload, i) => new AuthorInfo
            {
                Id = Key("a", i), DisplayName = payload,
                Accounts = [new AccountInfo { Platform = Platform.Twitter, Handle = payload, Url = payload }],
            }).ToList(),
            Tags = payloads.Select((payload, i) => new TagInfo { Name = TagName(i), Statement = payload, Synonyms = [payload.Length > TagNames.MaxLength ? payload[..TagNames.MaxLength] : payload] }).ToList(),
            Posts = posts,
        };
    }

    private static ThreadDocument TitleThread(int i, string payload) => new()
    {
        Format = ThreadDocument.FormatName,
        Thread = new ThreadInfo
        {
            Slug = Key("title-", i), Title = payload,
            Sources = [new SourceInfo { Platform = Platform.Blog, Url = payload, Title = payload }],
            Outline = [new OutlineInfo { Number = "1", Title = payload, Links = [new LinkInfo { Platform = Platform.Podcast, Url = payload, At = payload }] }],
        },
        Authors = [new AuthorInfo { Id = "someone", DisplayName = "Someone" }],
        Posts = [new PostInfo { Id = "p", AuthorId = "someone", PostedAt = Posted, Body = "Section 1 is where it starts: " + payload }],
    };

    [Fact]
    public void The_corpus_holds_at_least_a_hundred_distinct_payloads()
    {
        Assert.True(HostileInput.Payloads.Count >= 100, $"{HostileInput.Payloads.Count} payloads");
        Assert.Equal(HostileInput.Payloads.Count, HostileInput.Payloads.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_check_catches_a_payload_that_runs_and_markup_that_would()
    {
        var page = await HostileInput.OpenAsync(fixture.ServerAddress);
        await page.GotoAsync("/");

        await page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>')");
        // The error event waits for the image's request to fail, which a busy machine may take longer than the
        // check's own pause for; this test is about what the check reports once a payload has run.
        await page.WaitForFunctionAsync("() => (window.__xss ?? []).length > 0");
        var ran = await Assert.ThrowsAnyAsync<Exception>(() => HostileInput.AssertSafeAsync(page));
        Assert.Contains("alert(1)", ran.Message, StringComparison.Ordinal);

        await page.GotoAsync("/");
        await page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<a href=\" jav&#x09;ascript:void(0)\">x</a>')");
        var markup = await Assert.ThrowsAnyAsync<Exception>(() => HostileInput.AssertSafeAsync(page));
        Assert.Contains("href", markup.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_thread_file_full_of_payloads_uploaded_by_a_moderator_runs_no_script_on_any_page_that_shows_it()
    {
        // The app listens on a port first: creating the user would otherwise start it in memory only.
        var server = fixture.ServerAddress;
        await fixture.CreateUserAsync("xss-moderator", AccountRoles.Moderator);
        var page = await HostileInput.OpenAsync(server);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Username or email").FillAsync("xss-moderator");
        await page.GetByLabel("Password").FillAsync(AccountAppFixture.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync("/moderation/import");
        var json = JsonSerializer.SerializeToUtf8Bytes(HostileThread(), InterchangeJson.Options);
        await page.SetInputFilesAsync("#Input_Files", new FilePayload { Name = "hostile.json", MimeType = "application/json", Buffer = json });
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync($"{Slug}: {2 * HostileInput.Payloads.Count} posts added");
        await HostileInput.AssertSafeAsync(page);
        await page.Context.CloseAsync();
        await fixture.LoadIdsAsync();
        await fixture.ImportTitleThreadsAsync();

        var paths = new List<string> { "/", $"/t/{Slug}", $"/t/{Slug}?order=newest", $"/t/{Slug}/map", $"/t/{Slug}/outline", $"/t/{Slug}/arguments", $"/api/threads/{Slug}" };
        await using (var db = fixture.CreateContext())
        {
            paths.AddRange(await db.Tags.Select(t => t.Name).Select(name => "/tags/" + Uri.EscapeDataString(name)).ToListAsync());
            paths.AddRange((await db.Authors.Select(a => a.Slug).ToListAsync()).Where(slug => slug != "someone").Select(slug => "/authors/" + slug));
        }
        for (var i = 0; i < HostileInput.Payloads.Count; i++)
        {
            var post = fixture.Ids[Key("p", i)];
            var reply = fixture.Ids[Key("q", i)];
            paths.Add($"/t/{Slug}/p/{reply}");
            paths.Add($"/t/{Slug}/p/{post}/history");
            paths.Add($"/t/{Slug}/p/{post}/preview");
            paths.Add($"/t/{Key("title-", i)}");
            paths.Add($"/t/{Key("title-", i)}/outline");
            // The search page shows the query typed, its corrections and snippets of the posts it finds.
            paths.Add("/search?q=" + Uri.EscapeDataString(HostileInput.Payloads[i]));
        }

        await HostileInput.AssertSafeAsync(fixture.ServerAddress, paths);
    }
}

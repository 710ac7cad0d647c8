using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Core.Rebuilding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Interchange;

public class ScrapedPageImportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static ExportFile SeedPage() =>
        new("002_97dd18eff6661fdc.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "002_97dd18eff6661fdc.txt")));

    private async Task<ImportResult> ImportAsync(string slug)
    {
        var file = SeedPage();
        Assert.Equal(ImportFormat.ScrapedPage, ImportFormats.Detect(file));
        var draft = ScrapedPageImport.Read(file, new PlatformImportOptions { Slug = slug, Title = "Scraped", Site = Platform.LessWrong });
        await using var db = database.CreateContext();
        return await new ThreadImporter(db, TimeProvider.System).ImportAsync(draft.Document, file.Name, draft.Source);
    }

    [Fact]
    public async Task A_scraped_page_becomes_a_draft_thread_kept_with_the_page_and_the_machines_proposal()
    {
        var result = await ImportAsync("scraped-draft");

        await using var db = database.CreateContext();
        var thread = await db.Threads.SingleAsync(t => t.Slug == "scraped-draft");
        Assert.Equal(ThreadStatus.Draft, thread.Status);
        Assert.True(thread.IsReconstructed);
        // One post per comment of the machine's proposal for this page, none lost. (The proposal has 19: the truth's
        // 18 and line 197 taken for a comment of its own, which the demo's reviewed corrections join to 198.)
        var proposed = Debate.Core.Reconstruction.PageReconstructor.Reconstruct(System.Text.Encoding.UTF8.GetString(SeedPage().Content)).Comments.Count;
        Assert.Equal(proposed, result.PostsAdded);
        Assert.Equal(proposed, await db.Posts.CountAsync(p => p.ThreadId == thread.Id));
        var source = await db.ImportedDocuments.SingleAsync(d => d.ThreadId == thread.Id);
        Assert.Equal(ScrapedPageImport.FormatName, source.Format);
        Assert.StartsWith("Reposting my response on Twitter", source.Content, StringComparison.Ordinal);
        var comments = source.Proposal!.RootElement.GetProperty("comments");
        Assert.Equal(result.PostsAdded, comments.GetArrayLength());
        Assert.True(comments[0].GetProperty("confidence").GetDouble() > 0);
        // Reviewed nowhere yet: the authors are unknown and the draft is not public.
        Assert.All(await db.Posts.Where(p => p.ThreadId == thread.Id).Select(p => p.Author!.Slug).Distinct().ToListAsync(),
            slug => Assert.Equal(RebuiltThreadWriter.UnknownAuthor, slug));
    }

    [Fact]
    public async Task Importing_the_same_page_twice_changes_nothing()
    {
        await ImportAsync("scraped-twice");
        var before = await database.CountRowsAsync();

        var second = await ImportAsync("scraped-twice");

        Assert.Equal(0, second.PostsAdded);
        Assert.Equal(before, await database.CountRowsAsync());
        await using var db = database.CreateContext();
        var threadId = await db.Threads.Where(t => t.Slug == "scraped-twice").Select(t => t.Id).SingleAsync();
        Assert.Equal(1, await db.ImportedDocuments.CountAsync(d => d.ThreadId == threadId));
    }
}

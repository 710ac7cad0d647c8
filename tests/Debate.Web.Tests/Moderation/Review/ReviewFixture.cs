using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Core.Rebuilding;

namespace Debate.Web.Tests.Moderation.Review;

/// <summary>The demo thread (its authors and tags known to the site) and drafts imported from the seed's scraped page.</summary>
public class ReviewFixture : SeededModerationFixture
{
    public static string SeedPage => Path.Combine(AppContext.BaseDirectory, "data", "002_97dd18eff6661fdc.txt");

    /// <summary>Imports the seed page as a draft thread named <paramref name="slug"/>, as the import page does.</summary>
    public async Task ImportDraftAsync(string slug)
    {
        var draft = ScrapedPageImport.Read(await ExportFile.ReadAsync(SeedPage),
            new PlatformImportOptions { Slug = slug, Title = "Draft " + slug, Clock = TimeProvider.System, Site = Platform.LessWrong });
        await using var db = CreateContext();
        await new ThreadImporter(db, TimeProvider.System).ImportAsync(draft.Document, Path.GetFileName(SeedPage), draft.Source);
    }
}

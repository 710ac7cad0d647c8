using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Rebuilding;

namespace Debate.Core.Seeding;

/// <summary>
/// The demo thread is the seed debate rebuilt by the product itself: the scraped page reconstructed,
/// then the reviewed corrections kept beside it applied on top. Running it again changes nothing.
/// </summary>
public static class DemoSeeder
{
    public const string PageResource = "Debate.Demo.scheming-ais.page.txt";
    public const string OutlineResource = "Debate.Demo.scheming-ais.podcast.txt";
    public const string CorrectionsResource = "Debate.Demo.scheming-ais.corrections.json";

    public static RebuiltThread Rebuild() => ThreadRebuilder.Rebuild(
        Resource(PageResource), Resource(OutlineResource),
        CorrectionsDocument.Read(Resource(CorrectionsResource), CorrectionsResource), CorrectionsResource);

    public static async Task<ImportResult> SeedAsync(DebateDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var rebuilt = Rebuild();
        return await new ThreadImporter(db, clock).ImportAsync(rebuilt.Document, CorrectionsResource, cancellationToken);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The demo data {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

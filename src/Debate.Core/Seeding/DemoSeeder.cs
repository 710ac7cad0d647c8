using Debate.Core.Data;
using Debate.Core.Interchange;

namespace Debate.Core.Seeding;

/// <summary>Loads the demo thread (the seed debate) once; running it again changes nothing.</summary>
public static class DemoSeeder
{
    public const string ResourceName = "Debate.Demo.scheming-ais.thread.json";

    public static async Task<ImportResult> SeedAsync(DebateDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo data {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var document = ThreadDocumentReader.Read(await reader.ReadToEndAsync(cancellationToken), ResourceName);
        return await new ThreadImporter(db, clock).ImportAsync(document, ResourceName, cancellationToken);
    }
}

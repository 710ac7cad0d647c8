using System.Globalization;
using System.Net;
using Debate.Core.Accounts;
using Debate.Core.Rebuilding;
using Debate.Core.Seeding;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Moderation.Review;

/// <summary>The seed's corrections, redone by hand through the review view on a fresh draft of the same page.</summary>
public class SeedRedoTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    /// <summary>The corrections the demo seed is built from, as the seeder reads them.</summary>
    private static string SeedCorrections()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(DemoSeeder.CorrectionsResource)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public async Task The_review_view_redoes_the_seed_corrections_and_exports_and_builds_the_same_thread()
    {
        var seed = CorrectionsDocument.Read(SeedCorrections(), "scheming-ais.corrections.json");
        await fixture.ImportDraftAsync("seed-redo");
        var client = await fixture.LoggedInClientAsync("mod-seed-redo", AccountRoles.Moderator);

        foreach (var step in seed.Steps)
        {
            var fields = new Dictionary<string, string> { ["Input.Line"] = Number(step.Line), ["Input.Why"] = step.Why ?? "" };
            switch (step.Op)
            {
                case "author": fields["Input.Author"] = step.Author!; break;
                case "parent": fields["Input.ParentLine"] = Number(step.ParentLine); break;
                case "join" or "move": fields["Input.IntoLine"] = Number(step.IntoLine); break;
                case "quote": fields["Input.SourceLine"] = Number(step.SourceLine); break;
                case "embed": fields["Input.Platform"] = step.Platform!.Value.ToString(); break;
                case "claim":
                    fields["Input.Tag"] = step.Tag!;
                    fields["Input.Stance"] = step.Stance!.Value.ToString();
                    fields["Input.Exact"] = step.Exact!;
                    break;
            }
            using var response = await client.SubmitAsync($"/moderation/review/seed-redo", fields, $"#step-{step.Op}");
            Assert.Equal((step, HttpStatusCode.Redirect), (step, response.StatusCode));
        }

        using var export = await client.GetAsync("/moderation/review/seed-redo?handler=Export");
        var exported = CorrectionsDocument.Read(await export.Content.ReadAsStringAsync(), "export");
        Assert.Equal(seed.Steps, exported.Steps);
        Assert.Equal(seed.Authors.Select(a => (a.Id, a.DisplayName)).Order(), exported.Authors.Select(a => (a.Id, a.DisplayName)).Order());
        Assert.Equal(seed.Tags.Select(t => (t.Name, t.Statement)).Order(), exported.Tags.Select(t => (t.Name, t.Statement)).Order());

        await using var db = fixture.CreateContext();
        async Task<List<(string?, string, string?)>> ShapeAsync(string slug) =>
            (await db.Posts.Where(p => p.Thread!.Slug == slug)
                .Select(p => new { p.ImportKey, Author = p.Author!.Slug, Parent = p.Parent!.ImportKey })
                .ToListAsync())
            .Select(p => (p.ImportKey, p.Author, p.Parent)).OrderBy(p => p.ImportKey, StringComparer.Ordinal).ToList();
        var seeded = await ShapeAsync("scheming-ais");
        var redone = await ShapeAsync("seed-redo");
        Assert.Equal(seeded.Count, redone.Count);
        Assert.Equal(seeded, redone);
        Assert.Equal(
            await db.ClaimTags.CountAsync(c => db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == "scheming-ais")),
            await db.ClaimTags.CountAsync(c => db.Posts.Any(p => p.Id == c.PostId && p.Thread!.Slug == "seed-redo")));
    }
}

using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Claims;

/// <summary>A tag found by one of its names, and whether that name was its own (else the page redirects to it).</summary>
public sealed record FoundTag(Tag Tag, bool ByOwnName);

/// <summary>Finds tags by name, synonym or former name, following merges to the tag that now stands for the claim.</summary>
public static class TagDirectory
{
    // A merge chain longer than this is a loop someone made by hand in the database.
    private const int MostMerges = 16;

    public static async Task<FoundTag?> FindAsync(DebateDbContext db, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var byOwnName = true;
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (tag is null)
        {
            // Synonyms are kept as typed ("counting arguments"); an address may spell them with hyphens.
            var spellings = new[] { name, name.Replace('-', ' ') }.Distinct().ToList();
            tag = await db.Tags.Where(t => t.Synonyms.Any(s => spellings.Contains(s))).OrderBy(t => t.MergedIntoId != null).ThenBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            byOwnName = false;
        }
        for (var hops = 0; tag?.MergedIntoId is long into && hops < MostMerges; hops++)
        {
            tag = await db.Tags.SingleAsync(t => t.Id == into, cancellationToken);
            byOwnName = false;
        }
        return tag is null ? null : new FoundTag(tag, byOwnName);
    }

    /// <summary>Whether <paramref name="name"/> is already some other tag's name or synonym: names must lead to one tag.</summary>
    public static Task<bool> IsTakenAsync(DebateDbContext db, string name, long? exceptTagId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var spellings = new[] { name, name.Replace('-', ' ') }.Distinct().ToList();
        return db.Tags.AnyAsync(t => t.Id != exceptTagId && (t.Name == name || t.Synonyms.Any(s => spellings.Contains(s))), cancellationToken);
    }
}

using System.Text.Json;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Claims;

/// <summary>A tag's names (and statement) as the log keeps them; entries logged before statements were kept have none.</summary>
public sealed record TagSnapshot(long Id, string Name, List<string> Synonyms, long? MergedIntoId, string? Statement = null);

/// <summary>A rename or merge as logged: the tags before and after, and for a merge the claim tags it moved.</summary>
public sealed record TagChange(List<TagSnapshot> Tags, List<long> MovedClaimIds);

public sealed record TagResult(ModerationAction? Action, AccountError? Error)
{
    public static TagResult Failed(string field, string message) => new(null, new AccountError(field, message));
}

/// <summary>
/// Moderators rename tags (the old name becomes a synonym, so old links still lead there), merge one tag into
/// another (its claim tags move over, its names redirect) and restate what a tag claims (an imported tag may come
/// with none). Each is logged with the tags before and after and undoes exactly, as long as nothing has changed the
/// same tags since.
/// </summary>
public static class TagModeration
{
    public const string RenameKind = "tag-rename";
    public const string MergeKind = "tag-merge";
    public const string RestateKind = "tag-restate";
    public const string UndoKind = "tag-undo";

    /// <summary>The lock's key; the two-number form keeps it apart from the app's one-number (hash) locks.</summary>
    private const int ChangesLock = 0x7461_6773; // "tags"

    /// <summary>
    /// Tag changes run one at a time, each reading the tags after the one before it committed: two moderators merging
    /// two tags into each other at once would otherwise both succeed and leave a loop neither could undo.
    /// </summary>
    private static async Task<TagResult> OneAtATimeAsync(DebateDbContext db, Func<Task<TagResult>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChangesLock}, 1)", cancellationToken);
        var result = await change();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static Task<TagResult> RenameAsync(DebateDbContext db, string currentName, string newName, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(db, () => RenameOneAsync(db, currentName, newName, moderator, now, cancellationToken), cancellationToken);

    public static Task<TagResult> RestateAsync(DebateDbContext db, string name, string statement, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(db, () => RestateOneAsync(db, name, statement, moderator, now, cancellationToken), cancellationToken);

    public static Task<TagResult> MergeAsync(DebateDbContext db, string fromName, string intoName, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(db, () => MergeOneAsync(db, fromName, intoName, moderator, now, cancellationToken), cancellationToken);

    public static Task<TagResult> UndoAsync(DebateDbContext db, long actionId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(db, () => UndoOneAsync(db, actionId, moderator, now, cancellationToken), cancellationToken);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<TagResult> RenameOneAsync(DebateDbContext db, string currentName, string newName, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tag = await OwnTagAsync(db, currentName, cancellationToken);
        if (tag is null)
            return TagResult.Failed("Name", $"There is no tag '{currentName}'.");
        var name = TagNames.Normalize(newName);
        if (name is null)
            return TagResult.Failed("NewName", TagNames.Rule);
        if (name == tag.Name)
            return TagResult.Failed("NewName", $"The tag is already called {name}.");
        if (await TagDirectory.IsTakenAsync(db, name, tag.Id, cancellationToken))
            return TagResult.Failed("NewName", $"'{name}' already names another tag; merge the two instead.");

        var before = Snapshot(tag);
        var oldName = tag.Name;
        tag.Name = name;
        tag.Synonyms = [.. tag.Synonyms.Where(s => s != name && s != name.Replace('-', ' ')), oldName];
        var action = Log(db, RenameKind, moderator, now, $"Renamed tag {oldName} to {name}", new TagChange([before], []), new TagChange([Snapshot(tag)], []));
        await db.SaveChangesAsync(cancellationToken);
        return new TagResult(action, null);
    }

    private static async Task<TagResult> RestateOneAsync(DebateDbContext db, string name, string statement, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statement);
        var tag = await OwnTagAsync(db, name, cancellationToken);
        if (tag is null)
            return TagResult.Failed("Name", $"There is no tag '{name}'.");
        var stated = statement.Trim();
        if (stated.Length == 0 || stated.Length > ClaimTagging.MaxStatementLength || stated.Contains('\n', StringComparison.Ordinal))
            return TagResult.Failed("Statement", $"The statement is one line of 1 to {ClaimTagging.MaxStatementLength} characters.");
        if (stated == tag.Statement)
            return TagResult.Failed("Statement", "The tag already says that.");

        var before = Snapshot(tag);
        tag.Statement = stated;
        var action = Log(db, RestateKind, moderator, now, $"Restated tag {tag.Name}: {stated}", new TagChange([before], []), new TagChange([Snapshot(tag)], []));
        await db.SaveChangesAsync(cancellationToken);
        return new TagResult(action, null);
    }

    private static async Task<TagResult> MergeOneAsync(DebateDbContext db, string fromName, string intoName, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = await OwnTagAsync(db, fromName, cancellationToken);
        if (from is null)
            return TagResult.Failed("From", $"There is no tag '{fromName}'.");
        var into = await OwnTagAsync(db, intoName, cancellationToken);
        if (into is null)
            return TagResult.Failed("Into", $"There is no tag '{intoName}'.");
        if (from.Id == into.Id)
            return TagResult.Failed("Into", "A tag cannot be merged into itself.");

        var before = new TagChange([Snapshot(from), Snapshot(into)], []);
        var moved = await db.ClaimTags.Where(c => c.TagId == from.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var claim in moved)
            claim.TagId = into.Id;
        from.MergedIntoId = into.Id;
        var after = new TagChange([Snapshot(from), Snapshot(into)], moved.Select(c => c.Id).ToList());
        var action = Log(db, MergeKind, moderator, now, $"Merged tag {from.Name} into {into.Name} ({moved.Count} claim {(moved.Count == 1 ? "tag" : "tags")} moved)", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return new TagResult(action, null);
    }

    /// <summary>Puts the tags (and, for a merge, the claim tags it moved) back exactly as they were before the action.</summary>
    private static async Task<TagResult> UndoOneAsync(DebateDbContext db, long actionId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var done = await db.ModerationActions.SingleOrDefaultAsync(a => a.Id == actionId && (a.Kind == RenameKind || a.Kind == MergeKind || a.Kind == RestateKind), cancellationToken);
        if (done is null)
            return TagResult.Failed("", $"There is no tag rename, merge or restatement {actionId}.");
        if (done.UndoneAt is not null)
            return TagResult.Failed("", "That change was already undone.");
        var before = done.Before!.Deserialize<TagChange>(Json)!;
        var after = done.After!.Deserialize<TagChange>(Json)!;
        var ids = after.Tags.Select(t => t.Id).ToList();
        var tags = await db.Tags.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        // Undoing over a later change would silently lose it: the later one is undone first.
        if (after.Tags.Any(t => !tags.TryGetValue(t.Id, out var now) || !Same(Snapshot(now), t)))
            return TagResult.Failed("", "These tags have changed since; undo the later change first.");
        foreach (var old in before.Tags)
        {
            if (old.Name != tags[old.Id].Name && await db.Tags.AnyAsync(t => t.Name == old.Name && t.Id != old.Id, cancellationToken))
                return TagResult.Failed("", $"The name {old.Name} now belongs to another tag.");
        }

        foreach (var old in before.Tags)
        {
            var tag = tags[old.Id];
            tag.Name = old.Name;
            tag.Synonyms = [.. old.Synonyms];
            tag.MergedIntoId = old.MergedIntoId;
            if (old.Statement is not null)
                tag.Statement = old.Statement;
        }
        if (after.MovedClaimIds.Count > 0)
        {
            var from = before.Tags[0].Id;
            var into = before.Tags[1].Id;
            var moved = await db.ClaimTags.Where(c => after.MovedClaimIds.Contains(c.Id) && c.TagId == into).ToListAsync(cancellationToken);
            foreach (var claim in moved)
                claim.TagId = from;
        }
        done.UndoneAt = now;
        var undo = Log(db, UndoKind, moderator, now, $"Undid: {done.Summary}", after, before);
        undo.UndoesActionId = done.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new TagResult(undo, null);
    }

    /// <summary>A tag by its own name (not a synonym): renames and merges name exactly the tag they change.</summary>
    private static Task<Tag?> OwnTagAsync(DebateDbContext db, string name, CancellationToken cancellationToken)
    {
        var normal = TagNames.Normalize(name) ?? name.Trim();
        return db.Tags.SingleOrDefaultAsync(t => t.Name == normal && t.MergedIntoId == null, cancellationToken);
    }

    private static TagSnapshot Snapshot(Tag tag) => new(tag.Id, tag.Name, [.. tag.Synonyms], tag.MergedIntoId, tag.Statement);

    /// <summary>The tag as logged and as it is now; a statement counts when the log kept one.</summary>
    private static bool Same(TagSnapshot now, TagSnapshot logged) =>
        now.Id == logged.Id && now.Name == logged.Name && now.MergedIntoId == logged.MergedIntoId && now.Synonyms.SequenceEqual(logged.Synonyms)
        && (logged.Statement is null || logged.Statement == now.Statement);

    private static ModerationAction Log(DebateDbContext db, string kind, Moderator moderator, DateTimeOffset now, string summary, TagChange before, TagChange after)
    {
        var action = new ModerationAction
        {
            Kind = kind,
            ActorUserId = moderator.UserId,
            ActorName = moderator.Name,
            At = now,
            Summary = summary,
            Before = JsonSerializer.SerializeToDocument(before, Json),
            After = JsonSerializer.SerializeToDocument(after, Json),
        };
        db.ModerationActions.Add(action);
        return action;
    }
}

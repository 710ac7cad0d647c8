using System.Text.Json;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Accounts;

/// <summary>Who did a moderation action, as the log records them.</summary>
public sealed record Moderator(string UserId, string Name);

/// <summary>A user's link to the author they write as, as the log stores it before and after a change.</summary>
public sealed record AuthorLinkState(string UserId, string UserName, long? AuthorId, string? AuthorSlug);

public sealed record AuthorLinkResult(ModerationAction? Action, IReadOnlyList<AccountError> Errors)
{
    public static AuthorLinkResult Failed(string field, string message) => new(null, [new AccountError(field, message)]);
}

/// <summary>
/// A moderator links a member to an author imported from elsewhere (claiming one's LessWrong or Twitter identity),
/// and can undo it. Each change is logged with the link before and after, which is all an undo needs.
/// </summary>
public static class AuthorLinks
{
    public const string LinkKind = "link-author";
    public const string UndoKind = "unlink-author";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<AuthorLinkResult> LinkAsync(
        DebateDbContext db, string userName, string authorSlug, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Identity's default lookup normaliser is upper-invariant.
        var user = await db.Users.Include(u => u.Author)
            .SingleOrDefaultAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), cancellationToken);
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Slug == authorSlug, cancellationToken);
        // Both fields named at once when both are wrong, as a form does.
        if (user is null || author is null)
        {
            List<AccountError> errors = [];
            if (user is null)
                errors.Add(new AccountError("UserName", $"There is no member '{userName}'."));
            if (author is null)
                errors.Add(new AccountError("AuthorSlug", $"There is no author '{authorSlug}'."));
            return new AuthorLinkResult(null, errors);
        }
        if (user.AuthorId == author.Id)
            return AuthorLinkResult.Failed("AuthorSlug", $"{user.UserName} already writes as {author.Slug}.");
        var holder = await db.Users.Where(u => u.AuthorId == author.Id).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
            return AuthorLinkResult.Failed("AuthorSlug", $"{author.Slug} is already linked to {holder}.");

        var before = new AuthorLinkState(user.Id, user.UserName!, user.AuthorId, user.Author?.Slug);
        var after = before with { AuthorId = author.Id, AuthorSlug = author.Slug };
        user.AuthorId = author.Id;
        user.Author = author;
        // Identity's concurrency token: a moderator working on the same user at the same moment fails instead of overwriting.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var action = new ModerationAction
        {
            Kind = LinkKind,
            ActorUserId = moderator.UserId,
            ActorName = moderator.Name,
            At = now,
            Summary = $"Linked {user.UserName} to author {author.Slug} (was {before.AuthorSlug ?? "none"})",
            Before = JsonSerializer.SerializeToDocument(before, Json),
            After = JsonSerializer.SerializeToDocument(after, Json),
        };
        db.ModerationActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthorLinkResult(action, []);
    }

    /// <summary>Puts the link back as it was before <paramref name="actionId"/>, if nothing has changed it since.</summary>
    public static async Task<AuthorLinkResult> UndoAsync(
        DebateDbContext db, long actionId, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var linked = await db.ModerationActions.SingleOrDefaultAsync(a => a.Id == actionId && a.Kind == LinkKind, cancellationToken);
        if (linked is null)
            return AuthorLinkResult.Failed("", $"There is no author link {actionId}.");
        if (linked.UndoneAt is not null)
            return AuthorLinkResult.Failed("", $"Author link {actionId} was already undone.");
        var before = linked.Before!.Deserialize<AuthorLinkState>(Json)!;
        var after = linked.After!.Deserialize<AuthorLinkState>(Json)!;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == after.UserId, cancellationToken);
        if (user is null)
            return AuthorLinkResult.Failed("", $"The member {after.UserName} no longer exists.");
        if (user.AuthorId != after.AuthorId)
            return AuthorLinkResult.Failed("", $"{after.UserName}'s author has changed since; undo the later change first.");
        if (before.AuthorId is long previous && await db.Users.AnyAsync(u => u.AuthorId == previous && u.Id != user.Id, cancellationToken))
            return AuthorLinkResult.Failed("", $"{before.AuthorSlug} is now linked to another member.");

        user.AuthorId = before.AuthorId;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        linked.UndoneAt = now;
        var undo = new ModerationAction
        {
            Kind = UndoKind,
            ActorUserId = moderator.UserId,
            ActorName = moderator.Name,
            At = now,
            Summary = $"Undid: {linked.Summary}",
            Before = JsonSerializer.SerializeToDocument(after, Json),
            After = JsonSerializer.SerializeToDocument(before, Json),
            UndoesActionId = linked.Id,
        };
        db.ModerationActions.Add(undo);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthorLinkResult(undo, []);
    }
}

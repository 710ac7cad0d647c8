using System.Security.Claims;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Posting;

/// <summary>Who is looking at a page, as far as writing goes: the author they write as, and whether they moderate.</summary>
public sealed record Viewer(string? UserId, long? AuthorId, bool IsModerator)
{
    public static readonly Viewer Anonymous = new(null, null, false);

    public bool IsSignedIn => UserId is not null;

    /// <summary>Only a post's author or a moderator edits or deletes it.</summary>
    public bool MayChange(long postAuthorId) => IsSignedIn && (IsModerator || AuthorId == postAuthorId);

    public bool MayChange(PostView post) => MayChange(post.AuthorId);

    public static async Task<Viewer> OfAsync(ClaimsPrincipal user, DebateDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return Anonymous;
        var authorId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.AuthorId).SingleOrDefaultAsync(cancellationToken);
        return new Viewer(userId, authorId, AccountRoles.Moderators.Any(user.IsInRole));
    }
}

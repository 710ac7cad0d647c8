using Debate.Core.Anchoring;
using Debate.Core.Model;

namespace Debate.Core.Claims;

/// <summary>A claim tag found again (or lost) in a post's new revision.</summary>
public sealed record ClaimMove(ClaimTag Claim, AnchorStatus Was, AnchorStatus Now);

/// <summary>Claim tags survive edits the way quotes do: found at the same place, found elsewhere, or orphaned.</summary>
public static class ClaimAnchoring
{
    /// <summary>
    /// Re-anchors the post's claim tags on <paramref name="revision"/> (which must already have its id): each tag's
    /// anchor, fixed on the revision it was made on, is looked for in the new text. An orphaned tag keeps its anchor
    /// and leaves the text unmarked; nothing is deleted.
    /// </summary>
    public static IReadOnlyList<ClaimMove> Reanchor(PostRevision revision, IEnumerable<ClaimTag> claims)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(claims);
        var moves = new List<ClaimMove>();
        foreach (var claim in claims.Where(c => c.PostId == revision.PostId))
        {
            var was = claim.Status;
            var found = TextAnchoring.Locate(revision.PlainText, claim.Anchor);
            claim.Status = found.Status;
            var located = found.Status != AnchorStatus.Orphaned;
            claim.CurrentRevisionId = located ? revision.Id : null;
            claim.CurrentStart = located ? found.Start : null;
            claim.CurrentEnd = located ? found.End : null;
            moves.Add(new ClaimMove(claim, was, found.Status));
        }
        return moves;
    }
}

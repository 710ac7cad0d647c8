using System.Text.Json;
using System.Text.Json.Serialization;
using Debate.Core.Accounts;
using Debate.Core.Anchoring;
using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Claims;

/// <summary>What a member asks for: these words of the post (at <see cref="Start"/> when they stand more than once) tagged with a claim.</summary>
public sealed record ClaimRequest(long PostId, string Exact, int? Start, string TagName, string? Statement, string? Synonyms, Stance Stance);

/// <summary>Who acts, and whether they moderate (moderators confirm and remove on any post).</summary>
public sealed record ClaimActor(string UserId, string Name, bool IsModerator)
{
    public Moderator AsLogged => new(UserId, Name);
}

/// <summary>Where words stand more than once: each place, with a little text either side, to choose from.</summary>
public sealed record SpanPlace(int Start, string Before, string After);

public sealed record ClaimResult(ClaimTag? Claim, ModerationAction? Action, IReadOnlyList<AccountError> Errors, IReadOnlyList<SpanPlace> Places, bool Forbidden = false)
{
    public bool Succeeded => Errors.Count == 0 && !Forbidden;

    public static ClaimResult Failed(string field, string message, IReadOnlyList<SpanPlace>? places = null) => new(null, null, [new AccountError(field, message)], places ?? []);

    public static ClaimResult NotAllowed(string message) => new(null, null, [new AccountError("", message)], [], Forbidden: true);
}

/// <summary>A claim tag as the log keeps it before and after a change.</summary>
public sealed record ClaimSnapshot(long Id, long PostId, string Tag, Stance Stance, string Exact, int Start, int End, ClaimState State);

/// <summary>
/// Tagging spans of posts with claims. Any member proposes; the post's author or a moderator confirms or removes
/// (their own tags are confirmed at once). The span must stand in the post's current text exactly, once, or at the
/// place given. Every change is logged with the tag before and after.
/// </summary>
public static class ClaimTagging
{
    public const string ProposeKind = "claim-propose";
    public const string ConfirmKind = "claim-confirm";
    public const string RemoveKind = "claim-remove";
    public const int MaxExactLength = 1000;
    public const int MaxStatementLength = 500;
    private const int PlaceContext = 40;

    // Stances and states as the words the pages use ("opposes", "proposed"), so the log reads plainly.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<ClaimResult> ProposeAsync(DebateDbContext db, ClaimRequest request, ClaimActor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var post = await PostAsync(db, request.PostId, cancellationToken);
        if (post is null)
            return ClaimResult.Failed("", $"There is no post {request.PostId} to tag.");
        var text = post.CurrentRevision!.PlainText;
        var exact = request.Exact;
        if (string.IsNullOrWhiteSpace(exact))
            return ClaimResult.Failed("Exact", "Select or type the words to tag.");
        if (exact.Length > MaxExactLength)
            return ClaimResult.Failed("Exact", $"Tag at most {MaxExactLength} characters; a claim is a sentence or two.");

        var (anchor, error, places) = Anchor(text, exact, request.Start);
        if (anchor is null)
            return ClaimResult.Failed(places.Count > 0 ? "Start" : "Exact", error!, places);

        var tagName = TagNames.Normalize(request.TagName);
        var typed = request.TagName?.Trim() ?? "";
        var found = (typed.Length == 0 ? null : await TagDirectory.FindAsync(db, typed, cancellationToken))
            ?? (tagName is null ? null : await TagDirectory.FindAsync(db, tagName, cancellationToken));
        if (tagName is null && found is null)
            return ClaimResult.Failed("TagName", string.IsNullOrWhiteSpace(request.TagName) ? "Choose a tag or name a new one." : TagNames.Rule);
        var tag = found?.Tag;
        if (tag is null)
        {
            var statement = request.Statement?.Trim();
            if (string.IsNullOrEmpty(statement))
                return ClaimResult.Failed("Statement", $"'{tagName}' is a new tag: state in one line the claim it stands for.");
            if (statement.Length > MaxStatementLength || statement.Contains('\n', StringComparison.Ordinal))
                return ClaimResult.Failed("Statement", $"The statement is one line of at most {MaxStatementLength} characters.");
            var synonyms = TagNames.Synonyms(request.Synonyms).Where(s => s != tagName).ToList();
            if (synonyms.Count > TagNames.MaxSynonyms || (request.Synonyms ?? "").Split(',').Any(s => s.Trim().Length > TagNames.MaxLength))
                return ClaimResult.Failed("Synonyms", TagNames.SynonymsRule);
            tag = new Tag { Name = tagName!, Statement = statement, Synonyms = synonyms, CreatedAt = now };
            db.Tags.Add(tag);
        }
        else if (await db.ClaimTags.AnyAsync(c => c.PostId == post.Id && c.TagId == tag.Id && c.State != ClaimState.Removed
                     && c.CurrentStart == anchor.Start && c.CurrentEnd == anchor.End, cancellationToken))
        {
            return ClaimResult.Failed("Exact", $"These words are already tagged {tag.Name}.");
        }

        var decides = actor.IsModerator || await IsAuthorAsync(db, actor.UserId, post.AuthorId, cancellationToken);
        var claim = new ClaimTag
        {
            PostId = post.Id,
            RevisionId = post.CurrentRevision.Id,
            Tag = tag,
            Stance = request.Stance,
            Anchor = anchor,
            Status = AnchorStatus.Anchored,
            CurrentRevisionId = post.CurrentRevision.Id,
            CurrentStart = anchor.Start,
            CurrentEnd = anchor.End,
            State = decides ? ClaimState.Confirmed : ClaimState.Proposed,
            ProposedByUserId = actor.UserId,
            DecidedByUserId = decides ? actor.UserId : null,
            CreatedAt = now,
        };
        // The claim and its log entry stand or fall together: the entry needs the claim's id, so two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ClaimTags.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        var verb = decides ? "Tagged" : "Proposed";
        var action = Log(db, decides ? ConfirmKind : ProposeKind, actor, now, post, $"{verb} “{Short(exact)}” as {tag.Name} ({Word(request.Stance)})", null, claim);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimResult(claim, action, [], []);
    }

    public static Task<ClaimResult> ConfirmAsync(DebateDbContext db, long claimId, ClaimActor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DecideAsync(db, claimId, ClaimState.Confirmed, actor, now, cancellationToken);

    /// <summary>Removing is soft: the tag stays in the database, marked removed, and the log holds it.</summary>
    public static Task<ClaimResult> RemoveAsync(DebateDbContext db, long claimId, ClaimActor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DecideAsync(db, claimId, ClaimState.Removed, actor, now, cancellationToken);

    /// <summary>Whether this user may confirm and remove tags on posts by this author: the author themselves, or a moderator.</summary>
    public static async Task<bool> MayDecideAsync(DebateDbContext db, ClaimActor actor, long postAuthorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsModerator || await IsAuthorAsync(db, actor.UserId, postAuthorId, cancellationToken);
    }

    private static async Task<ClaimResult> DecideAsync(DebateDbContext db, long claimId, ClaimState decision, ClaimActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var claim = await db.ClaimTags.Include(c => c.Tag).SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
            return ClaimResult.Failed("", $"There is no claim tag {claimId}.");
        var post = await db.Posts.SingleAsync(p => p.Id == claim.PostId, cancellationToken);
        if (!await MayDecideAsync(db, actor, post.AuthorId, cancellationToken))
            return ClaimResult.NotAllowed("Only the post's author or a moderator may confirm or remove its claim tags.");
        if (claim.State == decision)
            return ClaimResult.Failed("", $"This claim tag is already {decision.ToString().ToLowerInvariant()}.");
        var before = Snapshot(claim);
        claim.State = decision;
        claim.DecidedByUserId = actor.UserId;
        var kind = decision == ClaimState.Confirmed ? ConfirmKind : RemoveKind;
        var verb = decision == ClaimState.Confirmed ? "Confirmed" : "Removed";
        var action = Log(db, kind, actor, now, post, $"{verb} {claim.Tag!.Name} ({Word(claim.Stance)}) on “{Short(claim.Anchor.Exact)}”", before, claim);
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimResult(claim, action, [], []);
    }

    /// <summary>The anchor for the words: where the reader said they stand, or the one place they do; else why not.</summary>
    private static (TextAnchor? Anchor, string? Error, IReadOnlyList<SpanPlace> Places) Anchor(string text, string exact, int? start)
    {
        if (start is int at && at >= 0 && at <= text.Length - exact.Length && string.CompareOrdinal(text, at, exact, 0, exact.Length) == 0)
            return (TextAnchoring.Create(text, at, at + exact.Length), null, []);
        var places = new List<SpanPlace>();
        for (var i = text.IndexOf(exact, StringComparison.Ordinal); i >= 0; i = text.IndexOf(exact, i + 1, StringComparison.Ordinal))
            places.Add(new SpanPlace(i, text[Math.Max(0, i - PlaceContext)..i], text[(i + exact.Length)..Math.Min(text.Length, i + exact.Length + PlaceContext)]));
        return places.Count switch
        {
            0 => (null, "These words are not in the post's current text, exactly as written.", []),
            1 => (TextAnchoring.Create(text, places[0].Start, places[0].Start + exact.Length), null, []),
            _ => (null, $"These words stand {places.Count} times in the post: choose which, or select more words around them.", places),
        };
    }

    private static Task<Post?> PostAsync(DebateDbContext db, long postId, CancellationToken cancellationToken) =>
        db.Posts.Include(p => p.CurrentRevision)
            .Where(p => p.Id == postId && !p.IsDeleted && !p.IsHidden && p.MergedIntoId == null && p.CurrentRevisionId != null && p.Thread!.Status == ThreadStatus.Published)
            .SingleOrDefaultAsync(cancellationToken);

    private static Task<bool> IsAuthorAsync(DebateDbContext db, string userId, long authorId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.AuthorId == authorId, cancellationToken);

    private static ModerationAction Log(DebateDbContext db, string kind, ClaimActor actor, DateTimeOffset now, Post post, string summary, ClaimSnapshot? before, ClaimTag after)
    {
        var action = new ModerationAction
        {
            Kind = kind,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            At = now,
            ThreadId = post.ThreadId,
            PostId = post.Id,
            Summary = summary,
            Before = before is null ? null : JsonSerializer.SerializeToDocument(before, Json),
            After = JsonSerializer.SerializeToDocument(Snapshot(after), Json),
        };
        db.ModerationActions.Add(action);
        return action;
    }

    private static ClaimSnapshot Snapshot(ClaimTag claim) =>
        new(claim.Id, claim.PostId, claim.Tag!.Name, claim.Stance, claim.Anchor.Exact, claim.Anchor.Start, claim.Anchor.End, claim.State);

    public static string Word(Stance stance) => stance.ToString().ToLowerInvariant();

    // Never cut between the two halves of an emoji: half of one cannot be stored as UTF-8.
    private static string Short(string text) => text.Length <= 60 ? text : text[..(char.IsHighSurrogate(text[56]) ? 56 : 57)] + "…";
}

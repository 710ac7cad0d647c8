using System.Text.Json;
using System.Text.Json.Serialization;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Core.Rebuilding;
using Debate.Core.Reconstruction;
using Microsoft.EntityFrameworkCore;

namespace Debate.Web.Features.Moderation.Review;

/// <summary>A draft under review: its thread, the scraped page it came from, and the corrections made so far, applied.</summary>
public sealed record ReviewDraft(long ThreadId, string Slug, string Title, ThreadStatus Status, string PageFile, CorrectionsDocument Corrections, ReviewedPage Page);

/// <summary>What a new author or tag needs when a step names one the site does not know yet.</summary>
public sealed record StepDetails(string? AuthorName, string? TagStatement);

/// <summary>
/// The review of a draft rebuilt from a scraped page. The corrections (a debate-corrections/1 document) are
/// kept beside the page; every step appends to them and rebuilds the draft's posts from page and steps in
/// one transaction, so the draft is always exactly what the CLI's rebuild makes of the exported file.
/// </summary>
public sealed class DraftReview(DebateDbContext db, TimeProvider clock)
{
    public const string StepKind = "review-step";
    public const string UndoStepKind = "review-undo";
    public const string PublishKind = "publish";

    /// <summary>The exported file leaves out empty fields, like the corrections files written by hand.</summary>
    public static readonly JsonSerializerOptions ExportOptions = new(InterchangeJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<ReviewDraft?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await FindAsync(slug, tracked: false, cancellationToken);
        if (found is not var (thread, source))
            return null;
        var corrections = CorrectionsOf(source, thread);
        var page = ReviewedPage.From(PageReconstructor.Reconstruct(source.Content));
        page.ApplyAll(corrections.Steps, source.FileName);
        return new ReviewDraft(thread.Id, thread.Slug, thread.Title, thread.Status, source.FileName, corrections, page);
    }

    /// <summary>Appends <paramref name="step"/> and rebuilds the draft; a step that cannot apply changes nothing and says why.</summary>
    public Task<ModerationResult> AddStepAsync(string slug, CorrectionStep step, StepDetails details, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            var found = await FindOpenAsync(slug, cancellationToken);
            if (found.Refusal is not null)
                return found.Refusal;
            var (thread, source) = found.Draft!.Value;
            var corrections = CorrectionsOf(source, thread);

            var page = ReviewedPage.From(PageReconstructor.Reconstruct(source.Content));
            page.ApplyAll(corrections.Steps, source.FileName);
            try
            {
                page.Apply(step);
            }
            catch (ArgumentException e)
            {
                return ModerationResult.Refused($"{Describe(step)}: {e.Message.Split(" (Parameter")[0]}.");
            }

            var authors = corrections.Authors.ToList();
            var tags = corrections.Tags.ToList();
            if (step is { Op: "author", Author: { } authorId } && authors.All(a => a.Id != authorId))
            {
                var known = await db.Authors.AsNoTracking().Include(a => a.Accounts).SingleOrDefaultAsync(a => a.Slug == authorId, cancellationToken);
                if (known is null && string.IsNullOrWhiteSpace(details.AuthorName))
                    return ModerationResult.Refused($"{Describe(step)}: there is no author \"{authorId}\" yet; give the new author's name.");
                authors.Add(known is null
                    ? new AuthorInfo { Id = authorId, DisplayName = details.AuthorName!.Trim() }
                    : new AuthorInfo
                    {
                        Id = known.Slug,
                        DisplayName = known.DisplayName,
                        Accounts = known.Accounts.Select(a => new AccountInfo { Platform = a.Platform, Handle = a.Handle, Url = a.Url }).ToList(),
                    });
            }
            if (step is { Op: "claim", Tag: { } tagName } && tags.All(t => t.Name != tagName))
            {
                var known = await db.Tags.AsNoTracking().SingleOrDefaultAsync(t => t.Name == tagName, cancellationToken);
                if (known is null && string.IsNullOrWhiteSpace(details.TagStatement))
                    return ModerationResult.Refused($"{Describe(step)}: there is no tag \"{tagName}\" yet; give the claim it stands for.");
                tags.Add(known is null
                    ? new TagInfo { Name = tagName, Statement = details.TagStatement!.Trim() }
                    : new TagInfo { Name = known.Name, Statement = known.Statement, Synonyms = known.Synonyms });
            }

            var changed = corrections with { Authors = authors, Tags = tags, Steps = [.. corrections.Steps, step] };
            if (await RebuildAsync(thread, source, changed, cancellationToken) is { } refusal)
                return refusal;
            var action = ModerationLog.Record(db, StepKind, moderator, now, thread.Id, null, $"Review of \"{thread.Slug}\", step {changed.Steps.Count}: {Describe(step)}",
                JsonSerializer.SerializeToDocument(new { steps = corrections.Steps.Count }), JsonSerializer.SerializeToDocument(step, ExportOptions));
            await db.SaveChangesAsync(cancellationToken);
            return new ModerationResult(action, null);
        }, cancellationToken);

    /// <summary>Removes the last step and rebuilds the draft without it.</summary>
    public Task<ModerationResult> UndoLastStepAsync(string slug, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            var found = await FindOpenAsync(slug, cancellationToken);
            if (found.Refusal is not null)
                return found.Refusal;
            var (thread, source) = found.Draft!.Value;
            var corrections = CorrectionsOf(source, thread);
            if (corrections.Steps.Count == 0)
                return ModerationResult.Refused($"\"{slug}\" has no review step to undo.");
            var last = corrections.Steps[^1];
            var changed = corrections with { Steps = corrections.Steps[..^1] };
            if (await RebuildAsync(thread, source, changed, cancellationToken) is { } refusal)
                return refusal;
            var action = ModerationLog.Record(db, UndoStepKind, moderator, now, thread.Id, null, $"Review of \"{thread.Slug}\": undid step {corrections.Steps.Count}, {Describe(last)}",
                JsonSerializer.SerializeToDocument(last, ExportOptions), JsonSerializer.SerializeToDocument(new { steps = changed.Steps.Count }));
            await db.SaveChangesAsync(cancellationToken);
            return new ModerationResult(action, null);
        }, cancellationToken);

    /// <summary>Makes the reviewed thread public; its review closes.</summary>
    public Task<ModerationResult> PublishAsync(string slug, Moderator moderator, DateTimeOffset now, CancellationToken cancellationToken) =>
        ModerationLog.InTransactionAsync(db, async () =>
        {
            var found = await FindOpenAsync(slug, cancellationToken);
            if (found.Refusal is not null)
                return found.Refusal;
            var (thread, source) = found.Draft!.Value;
            var corrections = CorrectionsOf(source, thread);
            thread.Status = ThreadStatus.Published;
            source.Corrections = JsonSerializer.SerializeToDocument(corrections with { Thread = corrections.Thread with { Status = ThreadStatus.Published } }, InterchangeJson.Options);
            var action = ModerationLog.Record(db, PublishKind, moderator, now, thread.Id, null,
                $"Published \"{thread.Slug}\" after {corrections.Steps.Count} review steps",
                JsonSerializer.SerializeToDocument(new { status = "draft" }), JsonSerializer.SerializeToDocument(new { status = "published" }));
            await db.SaveChangesAsync(cancellationToken);
            return new ModerationResult(action, null);
        }, cancellationToken);

    /// <summary>The corrections as a file the CLI's rebuild takes, with the page's file name as its input.</summary>
    public static string Export(ReviewDraft draft) => JsonSerializer.Serialize(draft.Corrections, ExportOptions) + "\n";

    public static string Describe(CorrectionStep step) => step.Op switch
    {
        "split" => $"split at line {step.Line}",
        "join" => $"join the comment holding line {step.Line} into the one holding line {step.IntoLine}",
        "move" => $"move line {step.Line} into the comment holding line {step.IntoLine}",
        "parent" => step.ParentLine is int parent ? $"the comment holding line {step.Line} replies to the one holding line {parent}" : $"the comment holding line {step.Line} becomes top-level",
        "quote" => $"line {step.Line} quotes line {step.SourceLine}",
        "unquote" => $"line {step.Line} is not a quote",
        "embed" => $"line {step.Line} is embedded{(step.Platform is { } platform ? " from " + platform.ToString().ToLowerInvariant() : "")}",
        "unembed" => $"line {step.Line} is not embedded",
        "author" => $"the comment holding line {step.Line} is by {step.Author}",
        "claim" => $"the comment holding line {step.Line} is tagged {step.Tag} ({step.Stance?.ToString().ToLowerInvariant()})",
        _ => $"{step.Op} at line {step.Line}",
    };

    private sealed record OpenDraft((DebateThread Thread, ImportedDocument Source)? Draft, ModerationResult? Refusal);

    /// <summary>The draft, tracked for a change, or why it cannot change: it does not exist or is published.</summary>
    private async Task<OpenDraft> FindOpenAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await FindAsync(slug, tracked: true, cancellationToken);
        if (found is null)
            return new OpenDraft(null, ModerationResult.Refused($"There is no thread \"{slug}\" rebuilt from a scraped page."));
        if (found.Value.Thread.Status != ThreadStatus.Draft)
            return new OpenDraft(null, ModerationResult.Refused($"\"{slug}\" is published; its review is closed."));
        return new OpenDraft(found, null);
    }

    private async Task<(DebateThread Thread, ImportedDocument Source)?> FindAsync(string slug, bool tracked, CancellationToken cancellationToken)
    {
        var threads = tracked ? db.Threads : db.Threads.AsNoTracking();
        var thread = await threads.SingleOrDefaultAsync(t => t.Slug == slug && t.IsReconstructed, cancellationToken);
        if (thread is null)
            return null;
        var sources = tracked ? db.ImportedDocuments : db.ImportedDocuments.AsNoTracking();
        var source = await sources.Where(d => d.ThreadId == thread.Id && d.Format == ScrapedPageImport.FormatName)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        return source is null ? null : (thread, source);
    }

    /// <summary>The stored corrections; a draft imported before they were kept starts from none.</summary>
    private static CorrectionsDocument CorrectionsOf(ImportedDocument source, DebateThread thread) =>
        source.Corrections?.Deserialize<CorrectionsDocument>(InterchangeJson.Options) ?? new CorrectionsDocument
        {
            Format = CorrectionsDocument.FormatName,
            Input = source.FileName,
            Thread = new ThreadInfo { Slug = thread.Slug, Title = thread.Title, Status = thread.Status, Reconstructed = true },
            PostedFrom = source.ImportedAt,
            Platform = Platform.Web,
        };

    /// <summary>
    /// Replaces the draft's posts by those page and corrections make. The posts of a draft are derived: the
    /// page and the steps that make them are kept, so they are rewritten rather than edited one by one.
    /// </summary>
    private async Task<ModerationResult?> RebuildAsync(DebateThread thread, ImportedDocument source, CorrectionsDocument corrections, CancellationToken cancellationToken)
    {
        // Authors and tags no step names any more (after an undo) leave the file.
        var named = corrections.Steps.Where(s => s.Op == "author").Select(s => s.Author).ToHashSet(StringComparer.Ordinal);
        var tagged = corrections.Steps.Where(s => s.Op == "claim").Select(s => s.Tag).ToHashSet(StringComparer.Ordinal);
        corrections = corrections with
        {
            Authors = corrections.Authors.Where(a => named.Contains(a.Id)).ToList(),
            Tags = corrections.Tags.Where(t => tagged.Contains(t.Name)).ToList(),
        };
        ThreadDocument document;
        try
        {
            document = ThreadRebuilder.Rebuild(source.Content, null, corrections, "the corrections").Document;
        }
        catch (ImportException e)
        {
            return ModerationResult.Refused(string.Join(" ", e.Errors.Select(error => error.ToString())));
        }
        if (await db.Posts.AnyAsync(p => p.ThreadId == thread.Id && (p.ImportKey == null || p.MergedIntoId != null), cancellationToken)
            || await db.Posts.AnyAsync(p => p.ThreadId != thread.Id && db.Posts.Any(into => into.Id == p.MergedIntoId && into.ThreadId == thread.Id), cancellationToken)
            || await db.Quotes.AnyAsync(q => q.SourcePost!.ThreadId == thread.Id && db.Posts.Any(p => p.Id == q.PostId && p.ThreadId != thread.Id), cancellationToken))
            return ModerationResult.Refused($"\"{thread.Slug}\" holds posts written, merged or quoted since its import; it can no longer be rebuilt from its page.");

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM repost_candidates WHERE container_post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id})
                                             OR contained_post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id});
            DELETE FROM claim_tags WHERE post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id});
            DELETE FROM quotes WHERE post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id});
            DELETE FROM provenance WHERE post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id});
            UPDATE posts SET current_revision_id = NULL, parent_id = NULL WHERE thread_id = {thread.Id};
            DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE thread_id = {thread.Id});
            DELETE FROM posts WHERE thread_id = {thread.Id};
            """, cancellationToken);
        thread.PostCount = 0;
        thread.LastActivityAt = DateTimeOffset.UnixEpoch;
        source.Corrections = JsonSerializer.SerializeToDocument(corrections, InterchangeJson.Options);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await new ThreadImporter(db, clock).WriteInCurrentTransactionAsync(document, "the corrections", cancellationToken);
        }
        catch (ImportException e)
        {
            return ModerationResult.Refused(string.Join(" ", e.Errors.Select(error => error.ToString())));
        }
        return null;
    }
}

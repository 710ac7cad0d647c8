namespace Debate.Core.Model;

/// <summary>A debate: the posts that gathered around a source, from every platform they came from.</summary>
public sealed class DebateThread
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public ThreadStatus Status { get; set; } = ThreadStatus.Published;
    /// <summary>Rebuilt from a scraped page rather than imported from structured data.</summary>
    public bool IsReconstructed { get; set; }
    public bool IsLocked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Kept up to date on every write so that thread lists need no aggregate.</summary>
    public DateTimeOffset LastActivityAt { get; set; }
    public int PostCount { get; set; }
    /// <summary>
    /// Kept by the database, never written by the app: it goes up whenever anything a page of this thread shows
    /// changes (the thread, its posts and their revisions, quotes from either end, claims, authors, moves, the
    /// outline). Cached pages are stored under it, so a change is never served stale, from any app instance.
    /// </summary>
    public long PageVersion { get; private set; }

    public List<ThreadSource> Sources { get; set; } = [];
    public List<OutlineSection> Outline { get; set; } = [];
    public List<Post> Posts { get; set; } = [];
}

/// <summary>What the thread debates: a report, a paper, the audio of it.</summary>
public sealed class ThreadSource
{
    public Platform Platform { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
}

/// <summary>A numbered section of the debated report ("4.4 Speed arguments") with where to find it.</summary>
public sealed class OutlineSection
{
    public long Id { get; set; }
    public long ThreadId { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<SectionLink> Links { get; set; } = [];
}

/// <summary>A link into a source at a section: a podcast timestamp, an anchor in a paper.</summary>
public sealed class SectionLink
{
    public Platform Platform { get; set; }
    public required string Url { get; set; }
    /// <summary>A timestamp such as "05:16:10", for audio and video.</summary>
    public string? At { get; set; }
}

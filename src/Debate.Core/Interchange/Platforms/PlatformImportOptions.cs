using Debate.Core.Model;

namespace Debate.Core.Interchange.Platforms;

/// <summary>What a platform export does not say and the caller does: the thread it goes into.</summary>
public sealed record PlatformImportOptions
{
    /// <summary>The thread's slug; an existing thread of that slug receives the posts.</summary>
    public required string Slug { get; init; }
    public required string Title { get; init; }
    /// <summary>ForumMagnum: the forum the comments come from, when their pageUrl does not say.</summary>
    public Platform? Site { get; init; }
    /// <summary>Stamps provenance.capturedAt.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

using Debate.Core.Reading;

namespace Debate.Web.Features.Shared;

/// <summary>The views of a thread its header links between.</summary>
public enum ThreadTab { Posts, Outline, Map, Arguments, Post }

/// <summary>The top of every page of a thread. With a <see cref="Heading"/>, the page's own title is the h1 and the thread's a link above it.</summary>
public sealed record ThreadHeaderModel(ThreadHeader Thread, ThreadTab Current, string? Heading = null);

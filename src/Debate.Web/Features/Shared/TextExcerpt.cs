using Debate.Core.Search;

namespace Debate.Web.Features.Shared;

internal static class TextExcerpt
{
    /// <summary>The text on one line, cut at a word near <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Of(string text, int length = 90) => Snippet.Excerpt(text, length).Text;
}

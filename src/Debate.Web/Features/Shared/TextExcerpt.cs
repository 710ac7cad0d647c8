namespace Debate.Web.Features.Shared;

internal static class TextExcerpt
{
    /// <summary>The text on one line, cut at a word near <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Of(string text, int length = 90)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= length)
            return oneLine;
        var cut = oneLine.LastIndexOf(' ', length);
        return oneLine[..(cut > length / 2 ? cut : length)] + "…";
    }
}

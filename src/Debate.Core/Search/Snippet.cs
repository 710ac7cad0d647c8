using System.Net;
using System.Text;

namespace Debate.Core.Search;

/// <summary>
/// A piece of text with the matched words marked. PostgreSQL's ts_headline returns text, not HTML: the words are
/// marked with two private-use characters removed from the text beforehand, and only after the text is
/// HTML-encoded do the markers become &lt;mark&gt; tags, so nothing of the text can ever become markup.
/// </summary>
public sealed record Snippet(string Text, IReadOnlyList<string> MatchedWords)
{
    public const char Start = '\uE000';
    public const char Stop = '\uE001';

    /// <summary>What stands for "&lt;" and "&amp;" in the text given to ts_headline (see PostSearch).</summary>
    public const char LessThan = '\uE002';
    public const char Ampersand = '\uE003';

    /// <summary>The ts_headline options that mark words with the sentinels.</summary>
    public const string HeadlineOptions = "StartSel=\uE000, StopSel=\uE001, MaxWords=40, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>The text without its markers.</summary>
    public string PlainText => Text.Replace(Start.ToString(), "", StringComparison.Ordinal).Replace(Stop.ToString(), "", StringComparison.Ordinal);

    /// <summary>The text HTML-encoded, the matched words in &lt;mark&gt;.</summary>
    public string Html
    {
        get
        {
            var html = new StringBuilder(Text.Length + 32);
            var marked = false;
            var run = 0;
            for (var i = 0; i <= Text.Length; i++)
            {
                if (i < Text.Length && Text[i] != Start && Text[i] != Stop)
                    continue;
                html.Append(WebUtility.HtmlEncode(Text[run..i]));
                run = i + 1;
                if (i == Text.Length)
                    break;
                if (Text[i] == Start && !marked)
                    html.Append("<mark>");
                else if (Text[i] == Stop && marked)
                    html.Append("</mark>");
                marked = Text[i] == Start || (marked && Text[i] != Stop);
            }
            if (marked)
                html.Append("</mark>");
            return html.ToString();
        }
    }

    /// <summary>A snippet of what PostgreSQL marked: one line, the marked words collected.</summary>
    public static Snippet FromHeadline(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        var oneLine = string.Join(' ', headline.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace(LessThan, '<').Replace(Ampersand, '&');
        var words = new List<string>();
        for (var at = oneLine.IndexOf(Start, StringComparison.Ordinal); at >= 0; at = oneLine.IndexOf(Start, at + 1))
        {
            var stop = oneLine.IndexOf(Stop, at + 1);
            if (stop < 0)
                break;
            var word = oneLine[(at + 1)..stop];
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase))
                words.Add(word);
        }
        return new Snippet(oneLine, words);
    }

    /// <summary>An unmarked snippet: the start of a text, cut at a word.</summary>
    public static Snippet Excerpt(string text, int length = 240)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length > length)
        {
            var cut = oneLine.LastIndexOf(' ', length);
            if (cut <= length / 2)
                cut = char.IsLowSurrogate(oneLine[length]) ? length - 1 : length; // never half of an emoji
            oneLine = oneLine[..cut] + "…";
        }
        return new Snippet(oneLine.Replace(Start.ToString(), "", StringComparison.Ordinal).Replace(Stop.ToString(), "", StringComparison.Ordinal), []);
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Debate.Core.Markdown;

/// <summary>
/// Writes text from elsewhere (a tweet, an HTML text node) into Markdown so that it shows exactly as
/// written: "2 * 3 * 4" must not turn into emphasis, nor "> not a quote" into a blockquote.
/// </summary>
public static partial class MarkdownText
{
    // Everything that CommonMark and the renderer's extras (emphasis extras, pipe tables) read as markup
    // in the middle of a line. Doubled '=' and '+' mark text; single ones are plain.
    [GeneratedRegex(@"[\\`*_\[\]<&~^|]|={2,}|\+{2,}")]
    private static partial Regex InlineMarkup();

    // What starts a block at the beginning of a line: a heading, a quote, a list item, a setext underline.
    [GeneratedRegex(@"^(?:[#>+\-=]|(?<number>\d{1,9})(?<mark>[.)]))")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    public static string EscapeInline(string text) =>
        InlineMarkup().Replace(text, m => string.Concat(m.Value.Select(c => "\\" + c)));

    /// <summary>
    /// <see cref="EscapeInline"/>, except that web addresses become links that keep every character: an
    /// escape inside an address the renderer links by itself would end up in the link.
    /// </summary>
    public static string EscapeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var markdown = new StringBuilder();
        var at = 0;
        foreach (Match match in BareUrl().Matches(text))
        {
            var url = TrimTrailingPunctuation(match.Value);
            markdown.Append(EscapeInline(text[at..match.Index])).Append(Autolink(url));
            at = match.Index + url.Length;
        }
        return markdown.Append(EscapeInline(text[at..])).ToString();
    }

    // "see https://example.org/a." ends the sentence, not the address; a ")" closes the address only when it opened one.
    private static string TrimTrailingPunctuation(string url)
    {
        while (url.Length > 0 && (".,;:!?'*".Contains(url[^1], StringComparison.Ordinal)
            || (url[^1] == ')' && url.Count(c => c == ')') > url.Count(c => c == '('))))
            url = url[..^1];
        return url;
    }

    /// <summary>Escapes the start of <paramref name="line"/> when it would open a block; apply after <see cref="EscapeText"/>.</summary>
    public static string EscapeLineStart(string line)
    {
        var match = BlockStart().Match(line);
        if (!match.Success)
            return line;
        return match.Groups["number"].Success
            ? match.Groups["number"].Value + "\\" + line[match.Groups["mark"].Index..]
            : "\\" + line;
    }

    /// <summary>
    /// Plain text as Markdown: blank lines part paragraphs, single line breaks stay line breaks, and every
    /// character shows as written. Each key of <paramref name="links"/> found in the text (a t.co address)
    /// becomes a link to its value.
    /// </summary>
    public static string FromPlainText(string text, IReadOnlyDictionary<string, string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var linkPattern = links is { Count: > 0 }
            ? new Regex(string.Join("|", links.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.None, TimeSpan.FromSeconds(1))
            : null;
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Select(paragraph => string.Join("\\\n", paragraph.Split('\n').Select(line => Line(line.Trim(), linkPattern, links))));
        return string.Join("\n\n", paragraphs);
    }

    private static string Line(string line, Regex? linkPattern, IReadOnlyDictionary<string, string>? links)
    {
        var markdown = new StringBuilder();
        var at = 0;
        foreach (var match in linkPattern?.Matches(line) ?? Enumerable.Empty<Match>())
        {
            markdown.Append(Plain(line[at..match.Index], markdown.Length == 0));
            markdown.Append(Autolink(links![match.Value]));
            at = match.Index + match.Length;
        }
        markdown.Append(Plain(line[at..], markdown.Length == 0));
        return markdown.ToString();
    }

    private static string Plain(string text, bool atLineStart) =>
        atLineStart ? EscapeLineStart(EscapeText(text)) : EscapeText(text);

    /// <summary>Markdown as a blockquote: every line behind "> ".</summary>
    public static string Quote(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return string.Join("\n", markdown.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
    }

    /// <summary>A link that shows its own address (angle brackets: no escapes apply inside); plain text when it is no web address.</summary>
    public static string Autolink(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return EscapeInline(url);
        return "<" + url.Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">";
    }
}

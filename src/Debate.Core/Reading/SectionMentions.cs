using System.Text.RegularExpressions;

namespace Debate.Core.Reading;

/// <summary>"Section 4.4" in a post's text, naming a section of the thread's report.</summary>
public readonly record struct SectionMention(int Start, int End, string Number);

/// <summary>Finds mentions of the debated report's sections in plain text.</summary>
public static partial class SectionMentions
{
    [GeneratedRegex(@"(?<![\w§])(?:sections?\s+|§\s?)(?<number>\d+(?:\.\d+)*)(?![\w.]*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    // "section 2.2.1 of my report on power-seeking AI": a section of another document, which the outline does not describe.
    [GeneratedRegex(@"^\s+(?:of|in)\s+(?!(?:the|this)\s+(?:report|paper)\b)\w", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfAnotherDocument();

    /// <summary>The mentions of sections in <paramref name="sections"/> (the outline's numbers), in text order.</summary>
    public static IReadOnlyList<SectionMention> Find(string text, IReadOnlySet<string> sections)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count == 0)
            return [];
        var mentions = new List<SectionMention>();
        foreach (Match match in Mention().Matches(text))
        {
            var number = match.Groups["number"].Value;
            if (!sections.Contains(number))
                continue;
            var after = text.AsSpan(match.Index + match.Length, Math.Min(40, text.Length - match.Index - match.Length)).ToString();
            if (OfAnotherDocument().IsMatch(after))
                continue;
            mentions.Add(new SectionMention(match.Index, match.Index + match.Length, number));
        }
        return mentions;
    }
}

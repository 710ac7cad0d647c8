using System.Text.RegularExpressions;
using Debate.Core.Interchange;
using Debate.Core.Model;

namespace Debate.Core.Outline;

/// <summary>
/// Reads a report's outline from a podcast page's chapter list ("103. 4.4 Speed arguments (05:16:10)"):
/// numbered sections with their titles and where each starts in the full audio.
/// </summary>
public static partial class PodcastOutlineReader
{
    // Chapter index, section number ("4.4", "2.2.1.1", "0."), title, timestamp at the end of the line.
    [GeneratedRegex(@"^\s*\d+\.\s+(?<number>\d+(?:\.\d+)*)\.?\s+(?<title>.+?)\s*\((?<at>\d{1,2}:\d{2}(?::\d{2})?)\)\s*$")]
    private static partial Regex ChapterLine();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    /// <param name="pageText">The page, one paragraph per line.</param>
    /// <param name="audioUrl">Where the full audio is; each section links there at its timestamp.</param>
    public static List<OutlineInfo> Read(string pageText, string audioUrl)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        var sections = new List<OutlineInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in pageText.Split('\n'))
        {
            var match = ChapterLine().Match(line);
            // Pages often list their chapters twice; the first listing wins.
            if (!match.Success || !seen.Add(match.Groups["number"].Value))
                continue;
            sections.Add(new OutlineInfo
            {
                Number = match.Groups["number"].Value,
                Title = match.Groups["title"].Value,
                Links = [new LinkInfo { Platform = Platform.Podcast, Url = audioUrl, At = match.Groups["at"].Value }],
            });
        }
        return sections;
    }

    /// <summary>The links a page names after a label ("Full text of the report here: https://..."), in order.</summary>
    public static List<(string Label, string Url)> Links(string pageText)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        var links = new List<(string, string)>();
        foreach (var line in pageText.Split('\n').Distinct(StringComparer.Ordinal))
        {
            var match = Url().Match(line);
            if (match.Success)
                links.Add((line[..match.Index].Trim().TrimEnd(':').Trim(), match.Value));
        }
        return links;
    }

    /// <summary>Seconds from the start for a timestamp such as "05:16:10" or "16:10".</summary>
    public static int Seconds(string at)
    {
        ArgumentNullException.ThrowIfNull(at);
        return at.Split(':').Aggregate(0, (total, part) => total * 60 + int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Debate.Core.Model;

namespace Debate.Core.Search;

/// <summary>What a search is narrowed to, from the filters of its query.</summary>
public sealed record SearchFilters
{
    public string? Author { get; init; }
    public string? Tag { get; init; }
    public Platform? Platform { get; init; }
    public string? Thread { get; init; }
    /// <summary>Posts from before this day (UTC), the day excluded.</summary>
    public DateOnly? Before { get; init; }
    /// <summary>Posts from this day (UTC) on, the day included.</summary>
    public DateOnly? After { get; init; }
    /// <summary><c>is:quote</c>: only posts that quote another.</summary>
    public bool QuotesOnly { get; init; }
    /// <summary><c>quotes:N</c>: only posts quoting post N.</summary>
    public long? QuotesPost { get; init; }

    /// <summary>Whether the filters concern posts alone, so thread titles and report sections cannot match them.</summary>
    public bool NarrowsPosts => Author is not null || Tag is not null || Platform is not null || Before is not null
        || After is not null || QuotesOnly || QuotesPost is not null;

    public bool IsEmpty => !NarrowsPosts && Thread is null;

    /// <summary>
    /// Whether a filter names a few posts (an author's, a thread's, a tag's, the quotes of one post), rather than
    /// keeping most of them as a platform, a date or is:quote do.
    /// </summary>
    public bool PicksFewPosts => Author is not null || Thread is not null || Tag is not null || QuotesPost is not null;
}

/// <summary>
/// A search query as typed: words in web-search syntax ("exact phrase", or, -exclude), handed to PostgreSQL's
/// websearch_to_tsquery as they are, and filters (author:, tag:, platform:, thread:, before:, after:, is:quote,
/// quotes:N) taken out of them. A query that cannot be understood carries its errors instead of throwing.
/// </summary>
public sealed partial record SearchQuery(string Input, string Text, SearchFilters Filters, IReadOnlyList<string> Errors)
{
    public const int MaxLength = 500;

    public static readonly IReadOnlyList<string> FilterNames = ["author", "tag", "platform", "thread", "before", "after", "is", "quotes"];

    private static readonly Dictionary<string, Platform> PlatformNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lesswrong"] = Model.Platform.LessWrong, ["lw"] = Model.Platform.LessWrong,
        ["alignmentforum"] = Model.Platform.AlignmentForum, ["af"] = Model.Platform.AlignmentForum,
        ["eaforum"] = Model.Platform.EaForum, ["ea"] = Model.Platform.EaForum,
        ["twitter"] = Model.Platform.Twitter, ["x"] = Model.Platform.Twitter,
        ["arxiv"] = Model.Platform.Arxiv, ["podcast"] = Model.Platform.Podcast,
        ["blog"] = Model.Platform.Blog, ["web"] = Model.Platform.Web, ["native"] = Model.Platform.Native,
    };

    public bool IsValid => Errors.Count == 0;

    /// <summary>Nothing to search for: no words and no filters.</summary>
    public bool IsBlank => Text.Length == 0 && Filters.IsEmpty;

    public bool IsTooLong => Input.Length > MaxLength;

    public static SearchQuery Parse(string? input)
    {
        input ??= "";
        if (input.Length > MaxLength)
            return new SearchQuery(input, "", new SearchFilters(), [string.Create(CultureInfo.InvariantCulture, $"The query is {input.Length:N0} characters long; the most a query may have is {MaxLength}.")]);
        var clean = Cleaned(input);
        var filters = new SearchFilters();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        var last = 0;
        foreach (Match token in Tokens().Matches(clean))
        {
            if (!IsFilter(token))
                continue;
            var key = token.Groups["key"].Value.ToLowerInvariant();
            var value = Value(token);
            var negated = token.Groups["minus"].Length > 0;
            if (!FilterNames.Contains(key))
            {
                errors.Add($"Unknown filter \"{key}:\". The filters are {string.Join(", ", FilterNames.Select(n => n + ":"))}.");
            }
            else if (negated)
                errors.Add($"Filters cannot be excluded: remove the \"-\" before \"{key}:\".");
            else if (!seen.Add(key))
                errors.Add($"\"{key}:\" is given twice; give each filter once.");
            else if (value.Length == 0)
                errors.Add($"\"{key}:\" needs a value, as in {Example(key)}.");
            else if (Apply(filters, key, value) is { } applied)
                filters = applied;
            else
                errors.Add(ValueError(key, value));
            text.Append(clean, last, token.Index - last).Append(' ');
            last = token.Index + token.Length;
        }
        text.Append(clean, last, clean.Length - last);
        return new SearchQuery(input, Spaces().Replace(text.ToString(), " ").Trim(), filters, errors);
    }

    private static string Value(Match token) => token.Groups["quoted"].Success ? token.Groups["quoted"].Value.Trim() : token.Groups["value"].Value;

    /// <summary>Whether a token is a filter (known or not): "note:" followed by a space, or an address (https://...), is text.</summary>
    private static bool IsFilter(Match token) =>
        token.Groups["key"].Success
        && (FilterNames.Contains(token.Groups["key"].Value.ToLowerInvariant())
            || Value(token) is { Length: > 0 } value && !value.StartsWith("//", StringComparison.Ordinal));

    /// <summary>
    /// Control characters mean nothing in a query (and PostgreSQL refuses NUL), nor does half of a surrogate pair
    /// (it cannot be sent as UTF-8): they count as spaces.
    /// </summary>
    private static string Cleaned(string input)
    {
        var chars = input.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsControl(chars[i]) || char.IsSurrogate(chars[i]))
                chars[i] = ' ';
        }
        return new string(chars).Trim();
    }

    /// <summary>
    /// The same query with some of its searched words replaced (whole words, any case): words in filters and words
    /// excluded with "-" stay as typed, and a replacement of several words is put in quotes (to keep them together)
    /// only outside a phrase, which keeps them together already.
    /// </summary>
    public string WithWordsReplaced(IReadOnlyDictionary<string, string> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var lookup = new Dictionary<string, string>(replacements, StringComparer.OrdinalIgnoreCase);
        var clean = Cleaned(Input);
        var result = new StringBuilder();
        var last = 0;
        foreach (Match token in Tokens().Matches(clean))
        {
            result.Append(clean, last, token.Index - last);
            last = token.Index + token.Length;
            if (IsFilter(token))
            {
                result.Append(token.Value);
                continue;
            }
            var inPhrase = token.Groups["phrase"].Success;
            result.Append(Words().Replace(token.Value, word =>
                word.Groups["minus"].Success || !lookup.TryGetValue(word.Groups["word"].Value, out var replacement)
                    ? word.Value
                    : inPhrase ? replacement.Trim('"') : replacement));
        }
        return result.Append(clean, last, clean.Length - last).ToString();
    }

    /// <summary>The words searched for (not those excluded with "-", nor "or"), lower-cased, for spelling suggestions.</summary>
    public IReadOnlyList<string> PositiveWords() =>
        Words().Matches(Text)
            .Where(m => !m.Groups["minus"].Success)
            .Select(m => m.Groups["word"].Value.ToLowerInvariant())
            .Where(w => w != "or")
            .Distinct()
            .ToList();

    private static SearchFilters? Apply(SearchFilters filters, string key, string value) => key switch
    {
        "author" => filters with { Author = value },
        "tag" => filters with { Tag = value.ToLowerInvariant() },
        "thread" => filters with { Thread = value },
        "platform" => PlatformNames.TryGetValue(value, out var platform) ? filters with { Platform = platform } : null,
        "before" => Day(value) is { } before ? filters with { Before = before } : null,
        "after" => Day(value) is { } after ? filters with { After = after } : null,
        "is" => value.Equals("quote", StringComparison.OrdinalIgnoreCase) ? filters with { QuotesOnly = true } : null,
        "quotes" => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? filters with { QuotesPost = id } : null,
        _ => null,
    };

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string ValueError(string key, string value) => key switch
    {
        "platform" => $"Unknown platform \"{value}\". The platforms are {string.Join(", ", PlatformNames.Keys.Where(k => k.Length > 2))}.",
        "before" or "after" => $"\"{key}:{value}\" is not a date; write it as year-month-day, as in {key}:2024-03-01.",
        "is" => $"\"is:{value}\" is not known; the only one is is:quote.",
        "quotes" => $"\"quotes:{value}\" needs a post's number, as in quotes:1234.",
        _ => $"\"{key}:{value}\" is not understood.",
    };

    private static string Example(string key) => key switch
    {
        "author" => "author:joe-carlsmith",
        "tag" => "tag:counting-argument",
        "platform" => "platform:twitter",
        "thread" => "thread:scheming-ais",
        "before" => "before:2024-01-01",
        "after" => "after:2023-11-15",
        "is" => "is:quote",
        _ => "quotes:1234",
    };

    // A filter's value may be quoted (author:"Joe C"); otherwise a phrase in quotes is one token, wherever its quote
    // opens (-"x author:y", a-"b c"), so "author:x said" stays text.
    [GeneratedRegex("""(?<minus>-?)(?<key>[A-Za-z]+):"(?<quoted>[^"]*)"?|(?<phrase>[^\s"]*"[^"]*"?)|(?<minus>-?)(?<key>[A-Za-z]+):(?<value>[^\s"]*)|\S+""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?<minus>(?<![\p{L}\p{N}])-)?(?<word>\p{L}+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Spaces();
}

using System.Text;

namespace Debate.Core.Claims;

/// <summary>A tag's name is its address: lower-case words joined by hyphens ("counting-argument").</summary>
public static class TagNames
{
    public const int MaxLength = 64;

    /// <summary>What a person typed, as a name: "Counting argument" becomes "counting-argument". Null when nothing is left.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var name = new StringBuilder(typed.Length);
        foreach (var c in typed.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                name.Append(c);
            else if ((c is '-' or '_' || char.IsWhiteSpace(c)) && name.Length > 0 && name[^1] != '-')
                name.Append('-');
            else if (!(c is '-' or '_' || char.IsWhiteSpace(c)))
                return null;
        }
        var result = name.ToString().TrimEnd('-');
        return result.Length is >= 2 and <= MaxLength ? result : null;
    }

    /// <summary>The rule a refused name broke, for the message beside the field.</summary>
    public const string Rule = "A tag name is 2 to 64 letters (a–z), digits and hyphens, such as counting-argument.";

    /// <summary>
    /// How many other names a tag may answer to. A synonym finds the tag when a claim names it, so without a limit one
    /// member could take any number of future tag names for a tag of theirs.
    /// </summary>
    public const int MaxSynonyms = 10;

    public const string SynonymsRule = "At most 10 synonyms, comma-separated, each at most 64 characters.";

    /// <summary>Synonyms as typed, comma-separated: trimmed, without blanks or repeats.</summary>
    public static List<string> Synonyms(string? typed) =>
        (typed ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.Length <= MaxLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

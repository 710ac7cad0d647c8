using Debate.Core.Markdown;
using Debate.Core.Model;

namespace Debate.Core.Interchange.Platforms;

/// <summary>What the X archive and the X API say alike about a tweet: its text, its author, where it lives.</summary>
internal static class Tweets
{
    /// <summary>
    /// The tweet's text as Markdown that shows it as written: X escapes &amp;, &lt; and &gt; in text (and
    /// only those), and shortens every link to t.co; the links are given back their real addresses.
    /// </summary>
    public static string Markdown(string text, IEnumerable<JsonRecord> urls)
    {
        var decoded = text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            if (url.OptionalString("url") is { Length: > 0 } shortened && url.OptionalString("expanded_url") is { Length: > 0 } expanded)
                links.TryAdd(shortened, expanded);
        }
        return MarkdownText.FromPlainText(decoded, links);
    }

    /// <summary>X handles are unique on X only; the prefix keeps them apart from forum slugs of other people.</summary>
    public static AuthorInfo Author(string username, string? displayName) => new()
    {
        Id = "x-" + username.ToLowerInvariant(),
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? username : displayName,
        Accounts = [new AccountInfo { Platform = Platform.Twitter, Handle = username, Url = $"https://x.com/{username}" }],
    };

    public static ProvenanceInfo Provenance(string id, string? username, DateTimeOffset capturedAt, string rawRecord) => new()
    {
        Platform = Platform.Twitter,
        // X redirects i/web/status to the author's address when the handle is not known.
        Url = $"https://x.com/{username ?? "i/web"}/status/{id}",
        ExternalId = id,
        AuthorHandle = username,
        CapturedAt = capturedAt,
        Relation = ProvenanceRelation.Original,
        RawRecord = rawRecord,
    };
}

using System.Text.RegularExpressions;

namespace Debate.Core.Interchange.Platforms;

/// <summary>A post read from one platform record, and where that record stands in its file.</summary>
internal sealed record ReadPost(PostInfo Post, string Where);

/// <summary>What every platform reader does the same way: refuse repeated ids and circular replies, then build the document.</summary>
internal static partial class PlatformDocument
{
    /// <summary>Notes <paramref name="id"/> as used at <paramref name="where"/>; a second use is a fault named at both places.</summary>
    public static bool AddId(Dictionary<string, string> seen, string id, string where, ImportErrors errors)
    {
        if (seen.TryAdd(id, where))
            return true;
        errors.Add(where, $"\"{id}\" is also the id of the record at {seen[id]}: an id stands for one record");
        return false;
    }

    /// <summary>Notes each circle of replies once, at the place the first of its records (in file order) names its parent.</summary>
    /// <param name="parents">Each record's id, its parent's id (only when the parent is in the file), and where the parent is named.</param>
    public static void CheckCycles(IReadOnlyList<(string Id, string? ParentId, string ParentWhere)> parents, ImportErrors errors)
    {
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, parentId, _) in parents)
            parentOf.TryAdd(id, parentId);
        // Walk up from each record once; a walk that meets itself has found a circle.
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _, _) in parents)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            string? at = id;
            while (at is not null && !done.Contains(at) && !onPath.ContainsKey(at))
            {
                onPath[at] = path.Count;
                path.Add(at);
                at = parentOf.GetValueOrDefault(at);
            }
            if (at is not null && onPath.TryGetValue(at, out var start))
                inCycle.UnionWith(path.Skip(start));
            done.UnionWith(path);
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _, parentWhere) in parents)
        {
            if (!inCycle.Contains(id) || reported.Contains(id))
                continue;
            var circle = new List<string> { id };
            for (var at = parentOf[id]!; at != id; at = parentOf[at]!)
                circle.Add(at);
            reported.UnionWith(circle);
            var through = circle.Count == 1 ? "" : " through " + string.Join(", ", circle.Skip(1).Select(c => $"\"{c}\""));
            errors.Add(parentWhere, $"the parents of \"{id}\" lead{through} back to it: replies cannot form a cycle");
        }
    }

    /// <summary>The thread document of the posts read, checked as an import checks any document; faults name the records.</summary>
    public static ThreadDocument Create(PlatformImportOptions options, IEnumerable<AuthorInfo> authors, IReadOnlyList<ReadPost> posts, ImportErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            // Not flagged reconstructed: a reconstructed thread is a draft until published, and nothing publishes yet.
            Thread = new ThreadInfo { Slug = options.Slug, Title = options.Title },
            Authors = authors.DistinctBy(a => a.Id, StringComparer.Ordinal).ToList(),
            Posts = posts.Select(p => p.Post).ToList(),
        };
        foreach (var error in ThreadDocumentReader.Validate(document))
        {
            var match = PostPath().Match(error.Where);
            if (error.Where.StartsWith("$.thread.", StringComparison.Ordinal))
                errors.Add($"thread {error.Where["$.thread.".Length..]}", $"\"{(error.Where.EndsWith("slug", StringComparison.Ordinal) ? options.Slug : options.Title)}\": {error.Message}");
            else if (match.Success)
                errors.Add(posts[int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)].Where, $"{error.Message} (as {error.Where})");
            else
                errors.Add(error.Where, error.Message);
        }
        errors.ThrowIfAny();
        return document;
    }

    [GeneratedRegex(@"^\$\.posts\[(?<index>\d+)\]")]
    private static partial Regex PostPath();
}

using System.Text;
using System.Text.Json;

namespace Debate.Core.Interchange;

/// <summary>
/// Names the line of a JSON file each fault stands on: "$.posts[3].parentId" becomes "line 41, $.posts[3].parentId",
/// so that a person can go to it in an editor. Found by reading the file again once it was refused, for the faults'
/// paths only, so a large file costs nothing until one of its values is wrong.
/// </summary>
public static class JsonLines
{
    /// <summary>The faults with their lines: a path's own line, or else its nearest enclosing value's. Others stay as they are.</summary>
    public static List<ImportError> Locate(string json, IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = errors.Where(e => e.Where.StartsWith('$')).SelectMany(e => Prefixes(e.Where)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return [.. errors];
        var lines = LinesOf(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')), wanted);
        return errors.Select(e => Prefixes(e.Where).Select(p => lines.TryGetValue(p, out var line) ? line : 0).FirstOrDefault(line => line > 0) is var found and > 0
                ? e with { Where = $"line {found}, {e.Where}" }
                : e)
            .ToList();
    }

    /// <summary>"$.posts[3].quotes[0].start", "$.posts[3].quotes[0]", "$.posts[3].quotes", "$.posts[3]", ...: longest first.</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        for (var end = path.Length; end > 1; end = Math.Max(path.LastIndexOf('.', end - 1), path.LastIndexOf('[', end - 1)))
            yield return path[..end];
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    private static Dictionary<string, int> LinesOf(byte[] utf8, HashSet<string> wanted)
    {
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                newlines.Add(i);
        }
        int LineAt(long offset)
        {
            var index = newlines.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index) + 1;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    path[^1].Property = reader.GetString();
                    Note(reader.TokenStartIndex);
                    continue;
                }
                // A value: in an array, it is the next element.
                if (path.Count > 0 && path[^1].IsArray)
                {
                    path[^1].Index++;
                    Note(reader.TokenStartIndex);
                }
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    path.Add(new Frame(token == JsonTokenType.StartArray));
            }
        }
        catch (JsonException)
        {
            // A file that parsed once parses again; if not, the lines found so far are all there is to give.
        }
        return lines;

        void Note(long offset)
        {
            var text = new StringBuilder("$");
            foreach (var frame in path)
                text.Append(frame.IsArray ? $"[{frame.Index}]" : $".{frame.Property}");
            var at = text.ToString();
            if (wanted.Contains(at))
                lines.TryAdd(at, LineAt(offset));
        }
    }
}

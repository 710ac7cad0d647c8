using System.Globalization;
using System.Text;
using Debate.Core.Model;

namespace Debate.Core.Claims;

/// <summary>
/// Writes a thread's argument as Argdown: each tag a statement, each post's stand on it an argument that supports
/// or attacks it (neutral and questioning stands are listed beside it, tagged, without a relation, as Argdown has
/// none for them), and each answer between posts as a comment line naming both.
/// </summary>
public static class ArgdownWriter
{
    public static string Write(string threadTitle, string threadUrl, ArgumentGraph graph, Func<long, string> postUrl)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(postUrl);
        var text = new StringBuilder();
        text.Append("===\ntitle: ").Append(Yaml(threadTitle)).Append('\n')
            .Append("subTitle: claims tagged in the thread\n")
            .Append("url: ").Append(Yaml(threadUrl)).Append("\n===\n\n");
        text.Append("// Made by Debate from ").Append(OneLine(threadUrl)).Append(". Each [statement] is a claim tag; each <argument> is a post's stand on it.\n");
        foreach (var tag in graph.Tags)
        {
            text.Append("\n# ").Append(OneLine(tag.Name)).Append("\n\n");
            text.Append('[').Append(Title(tag.Name)).Append("]: ").Append(OneLine(tag.Statement)).Append('\n');
            foreach (var node in tag.Nodes.Where(n => n.Stance is Stance.Supports or Stance.Opposes))
                text.Append("  ").Append(node.Stance == Stance.Supports ? '+' : '-').Append(" <").Append(ArgumentTitle(node)).Append(">\n");
            foreach (var node in tag.Nodes)
            {
                text.Append("\n<").Append(ArgumentTitle(node)).Append(">: ")
                    .Append(string.Join(" … ", node.Spans.Select(s => "“" + OneLine(s.Exact) + "”")))
                    .Append(" #").Append(ClaimTagging.Word(node.Stance))
                    .Append(" {url: ").Append(Yaml(postUrl(node.PostId))).Append(", author: ").Append(Yaml(node.AuthorName))
                    .Append(", posted: ").Append(node.PostedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)).Append("}\n");
            }
        }
        if (graph.Edges.Count > 0)
        {
            text.Append("\n# Answers\n\n");
            foreach (var edge in graph.Edges)
            {
                text.Append("// <").Append(ArgumentTitle(edge.From)).Append("> ")
                    .Append(edge.Link == ArgumentLink.Quotes ? "quotes" : "replies to")
                    .Append(" <").Append(ArgumentTitle(edge.To)).Append(">, ").Append(ClaimTagging.Word(edge.Stance)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Unique per post and tag: Argdown takes arguments of the same title to be one.</summary>
    private static string ArgumentTitle(ArgumentNode node) =>
        Title($"{node.AuthorName}, post {node.PostId.ToString(CultureInfo.InvariantCulture)}, on {node.TagName}");

    // Brackets and angle brackets end a title; a line break ends a statement.
    private static string Title(string text) => OneLine(text).Replace('[', '(').Replace(']', ')').Replace('<', '(').Replace('>', ')');

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Yaml(string text) => "\"" + OneLine(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

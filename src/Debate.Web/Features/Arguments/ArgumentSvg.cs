using System.Globalization;
using System.Xml.Linq;
using Debate.Core.Claims;
using Debate.Core.Model;
using Debate.Web.Features.Shared;

namespace Debate.Web.Features.Arguments;

/// <summary>
/// Draws a thread's argument as SVG: a column per claim tag (its name and statement on top), a row per post that
/// carries claims (reading order, top to bottom), a card per post's stand on a tag (author, stance, the words), and
/// arrows from each answering card to the card it answers, coloured and labelled with the answer's stance
/// (solid: it quotes that post; dashed: it replies further down the same branch). Built as XML, so text is encoded.
/// </summary>
internal static class ArgumentSvg
{
    private const double Column = 250;
    private const double CardWidth = 214;
    private const double CardHeight = 92;
    private const double Row = 128;
    private const double Margin = 20;
    private const double HeaderHeight = 96;
    private const int CharsPerLine = 32;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Draw(string slug, string title, ArgumentGraph graph)
    {
        var columns = graph.Tags.Select((tag, i) => (tag.Name, i)).ToDictionary(t => t.Name, t => t.i, StringComparer.Ordinal);
        var rows = graph.Nodes.Select(n => (n.PostId, n.PostedAt)).Distinct().OrderBy(p => p.PostedAt).ThenBy(p => p.PostId)
            .Select((p, i) => (p.PostId, i)).ToDictionary(p => p.PostId, p => p.i);
        var width = Margin * 2 + Math.Max(1, graph.Tags.Count) * Column;
        var height = Margin * 2 + HeaderHeight + Math.Max(1, rows.Count) * Row;
        (double X, double Y) Card(ArgumentNode node) =>
            (Margin + columns[node.TagName] * Column + (Column - CardWidth) / 2, Margin + HeaderHeight + rows[node.PostId] * Row + 8);

        var headers = new XElement(Svg + "g", new XAttribute("class", "tag-headers"));
        foreach (var tag in graph.Tags)
        {
            var x = Margin + columns[tag.Name] * Column + (Column - CardWidth) / 2;
            headers.Add(new XElement(Svg + "a", new XAttribute("href", Links.Tag(tag.Name)), new XAttribute("class", "tag-header"),
                new XElement(Svg + "rect", new XAttribute("class", "tag-column"), new XAttribute("x", N(x - 10)), new XAttribute("y", N(Margin)),
                    new XAttribute("width", N(CardWidth + 20)), new XAttribute("height", N(height - Margin * 2)), new XAttribute("rx", "8")),
                Text("tag-name", x, Margin + 20, [tag.Name]),
                Text("tag-statement", x, Margin + 38, Wrap(tag.Statement, CharsPerLine + 2, 4))));
        }

        var edges = new XElement(Svg + "g", new XAttribute("class", "argument-edges"));
        var labels = new XElement(Svg + "g", new XAttribute("class", "argument-edge-labels"));
        foreach (var edge in graph.Edges)
        {
            var (fx, fy) = Card(edge.From);
            var (tx, ty) = Card(edge.To);
            var stance = ClaimTagging.Word(edge.Stance);
            string d;
            double lx, ly;
            if (columns[edge.From.TagName] == columns[edge.To.TagName] && rows[edge.From.PostId] - rows[edge.To.PostId] > 1)
            {
                // Down the same column past other cards: round the left side (the right one in the first column, to stay in the picture).
                var side = columns[edge.From.TagName] == 0 ? 1 : -1;
                var edgeX = side > 0 ? CardWidth : 0;
                var (x1, y1) = (fx + edgeX, fy + CardHeight / 2);
                var (x2, y2) = (tx + edgeX, ty + CardHeight / 2);
                var bow = side * Math.Min(Column - CardWidth - 4, 16 + 4 * (rows[edge.From.PostId] - rows[edge.To.PostId]));
                d = $"M{N(x1)} {N(y1)} C{N(x1 + bow)} {N(y1)} {N(x2 + bow)} {N(y2)} {N(x2 + side * 2)} {N(y2)}";
                (lx, ly) = (x1 + bow * 0.75, (y1 + y2) / 2);
            }
            else
            {
                var (x1, y1) = (fx + CardWidth / 2, fy);
                var (x2, y2) = (tx + CardWidth / 2, ty + CardHeight);
                var middle = (y1 + y2) / 2;
                d = $"M{N(x1)} {N(y1)} C{N(x1)} {N(middle)} {N(x2)} {N(middle)} {N(x2)} {N(y2 + 2)}";
                (lx, ly) = ((x1 + x2) / 2, middle);
            }
            edges.Add(new XElement(Svg + "path",
                new XAttribute("class", $"argument-edge stance-{stance} link-{(edge.Link == ArgumentLink.Quotes ? "quotes" : "replies")}"),
                new XAttribute("d", d), new XAttribute("marker-end", $"url(#arrow-{stance})"),
                new XAttribute("data-from", edge.From.Id), new XAttribute("data-to", edge.To.Id)));
            var labelWidth = stance.Length * 7 + 10;
            labels.Add(new XElement(Svg + "g", new XAttribute("class", $"edge-label stance-{stance}"),
                new XElement(Svg + "rect", new XAttribute("x", N(lx - labelWidth / 2.0)), new XAttribute("y", N(ly - 9)),
                    new XAttribute("width", N(labelWidth)), new XAttribute("height", "16"), new XAttribute("rx", "8")),
                new XElement(Svg + "text", new XAttribute("x", N(lx)), new XAttribute("y", N(ly + 3)), new XAttribute("text-anchor", "middle"), stance)));
        }

        var cards = new XElement(Svg + "g", new XAttribute("class", "argument-nodes"));
        foreach (var node in graph.Nodes)
        {
            var (x, y) = Card(node);
            var stance = ClaimTagging.Word(node.Stance);
            var words = string.Join(" … ", node.Spans.Select(s => s.Exact));
            var name = $"{node.AuthorName} {WordsFor(node.Stance)} {node.TagName}: “{words}”";
            cards.Add(new XElement(Svg + "a",
                new XAttribute("href", Links.Post(slug, node.PostId) + "#" + Links.ClaimId(node.PostId, node.Spans[0].Id)),
                new XAttribute("class", $"argument-node stance-{stance}"),
                new XAttribute("id", "node-" + node.Id),
                // Named by its title and its visible text: an aria-label would differ from the (shortened) words shown.
                new XElement(Svg + "title", name),
                new XElement(Svg + "rect", new XAttribute("class", "card"), new XAttribute("x", N(x)), new XAttribute("y", N(y)),
                    new XAttribute("width", N(CardWidth)), new XAttribute("height", N(CardHeight)), new XAttribute("rx", "6")),
                new XElement(Svg + "rect", new XAttribute("class", "card-stance"), new XAttribute("x", N(x)), new XAttribute("y", N(y)),
                    new XAttribute("width", "6"), new XAttribute("height", N(CardHeight)), new XAttribute("rx", "3")),
                Text("card-author", x + 14, y + 18, [node.AuthorName]),
                Text("card-stance-word", x + CardWidth - 10, y + 18, [stance], anchorEnd: true),
                Text("card-words", x + 14, y + 37, Wrap("“" + words + "”", CharsPerLine, 4))));
        }

        var markers = new XElement(Svg + "defs", Enum.GetValues<Stance>().Select(s => new XElement(Svg + "marker",
            new XAttribute("id", "arrow-" + ClaimTagging.Word(s)), new XAttribute("viewBox", "0 0 10 10"),
            new XAttribute("refX", "9"), new XAttribute("refY", "5"), new XAttribute("markerWidth", "8"), new XAttribute("markerHeight", "8"),
            new XAttribute("orient", "auto-start-reverse"),
            new XElement(Svg + "path", new XAttribute("class", $"arrow stance-{ClaimTagging.Word(s)}"), new XAttribute("d", "M0 0 L10 5 L0 10 z")))));

        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "argument-map"),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)),
            new XAttribute("height", N(height)),
            new XAttribute("role", "group"),
            new XAttribute("aria-label", $"Argument map of {title}: {graph.Nodes.Count} stands on {graph.Tags.Count} claims, {graph.Edges.Count} answers"),
            markers, headers, edges, cards, labels);
        return SvgMarkup.Of(svg);
    }

    public static string WordsFor(Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Opposes => "opposes",
        Stance.Questions => "questions",
        _ => "discusses",
    };

    private static XElement Text(string cssClass, double x, double y, IReadOnlyList<string> lines, bool anchorEnd = false) =>
        new(Svg + "text", new XAttribute("class", cssClass), new XAttribute("x", N(x)), new XAttribute("y", N(y)),
            anchorEnd ? new XAttribute("text-anchor", "end") : null,
            lines.Select((line, i) => new XElement(Svg + "tspan", new XAttribute("x", N(x)), new XAttribute("dy", i == 0 ? "0" : "1.25em"), line)));

    /// <summary>Words broken into lines of at most <paramref name="width"/> characters; what does not fit ends in an ellipsis.</summary>
    internal static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word.Length > width ? word[..(width - 1)] + "…" : word;
            if (line.Length > 0 && line.Length + 1 + piece.Length > width)
            {
                lines.Add(line);
                line = piece;
            }
            else
            {
                line = line.Length == 0 ? piece : line + " " + piece;
            }
        }
        if (line.Length > 0)
            lines.Add(line);
        if (lines.Count <= maxLines)
            return lines;
        var last = lines[maxLines - 1];
        lines = lines.Take(maxLines - 1).ToList();
        lines.Add((last.Length > width - 1 ? last[..(width - 1)] : last) + "…");
        return lines;
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}

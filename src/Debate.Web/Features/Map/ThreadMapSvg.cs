using System.Globalization;
using System.Xml.Linq;
using Debate.Core.Reading;
using Debate.Web.Features.Shared;

namespace Debate.Web.Features.Map;

/// <summary>
/// Draws a thread's map as SVG: the reply tree (solid edges, depth left to right, reading order top to
/// bottom) and its quotes (dashed curves from the quoting post to the quoted one). A node grows and darkens
/// with the quotes its post drew, and links to the post. Built as XML, so every name is encoded.
/// </summary>
internal static class ThreadMapSvg
{
    private const double Row = 30;
    private const double Margin = 24;
    // Small maps name each post's author beside its dot; a thousand labels would only be noise (and weight).
    private const int MostLabelled = 300;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Draw(string slug, string title, IReadOnlyList<MapPost> posts, IReadOnlyList<QuoteEdge> quotes)
    {
        var forest = new PostForest(posts.Select(p => new PostStub(p.Id, p.ParentId, p.PostedAt)).ToList());
        var points = TreeLayout.Arrange(forest);
        var byId = posts.ToDictionary(p => p.Id);
        var quotesDrawn = quotes.GroupBy(q => q.SourcePostId).ToDictionary(g => g.Key, g => g.Count());
        var maxDepth = points.Count == 0 ? 0 : points.Values.Max(p => p.Depth);
        var maxRow = points.Count == 0 ? 0 : points.Values.Max(p => p.Row);
        var labelled = posts.Count <= MostLabelled;
        var column = labelled ? 130 : 44;
        var width = Margin * 2 + maxDepth * column + (labelled ? 140 : 40);
        var height = Margin * 2 + maxRow * Row;
        (double X, double Y) At(long id) => (Margin + points[id].Depth * column, Margin + points[id].Row * Row);

        var replies = new XElement(Svg + "g", new XAttribute("class", "reply-edges"));
        foreach (var post in posts.Where(p => p.ParentId is long parent && points.ContainsKey(parent)))
        {
            var (x1, y1) = At(post.ParentId!.Value);
            var (x2, y2) = At(post.Id);
            var middle = (x1 + x2) / 2;
            replies.Add(new XElement(Svg + "path", new XAttribute("class", "reply-edge"),
                new XAttribute("d", $"M{N(x1)} {N(y1)} C{N(middle)} {N(y1)} {N(middle)} {N(y2)} {N(x2)} {N(y2)}")));
        }

        var quoteEdges = new XElement(Svg + "g", new XAttribute("class", "quote-edges"));
        foreach (var quote in quotes.Where(q => points.ContainsKey(q.QuotingPostId) && points.ContainsKey(q.SourcePostId)))
        {
            var (x1, y1) = At(quote.QuotingPostId);
            var (x2, y2) = At(quote.SourcePostId);
            // An arc bowed to one side of the straight line, more for longer jumps, so quotes stand apart from reply edges.
            var (dx, dy) = (x2 - x1, y2 - y1);
            var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
            var bow = 14 + length * 0.25;
            var (cx, cy) = ((x1 + x2) / 2 + dy / length * bow, (y1 + y2) / 2 - dx / length * bow);
            quoteEdges.Add(new XElement(Svg + "path", new XAttribute("class", "quote-edge"),
                new XAttribute("d", $"M{N(x1)} {N(y1)} Q{N(cx)} {N(cy)} {N(x2)} {N(y2)}"),
                new XAttribute("marker-end", "url(#quote-arrow)")));
        }

        var nodes = new XElement(Svg + "g", new XAttribute("class", "nodes"));
        foreach (var id in forest.PreOrder())
        {
            var post = byId[id];
            var (x, y) = At(id);
            var drew = quotesDrawn.GetValueOrDefault(id);
            var name = $"{post.AuthorName}, {post.PostedAt:d MMM yyyy HH:mm}" + (drew > 0 ? $", quoted {drew} {(drew == 1 ? "time" : "times")}" : "");
            nodes.Add(new XElement(Svg + "a",
                new XAttribute("href", Links.Post(slug, id)),
                new XAttribute("class", "node"),
                new XAttribute("data-post-id", id),
                new XAttribute("aria-label", name),
                new XElement(Svg + "title", name),
                new XElement(Svg + "circle",
                    new XAttribute("class", "node-dot " + Heat(drew)),
                    new XAttribute("cx", N(x)), new XAttribute("cy", N(y)),
                    new XAttribute("r", N(5 + 2.5 * Math.Sqrt(drew)))),
                labelled ? new XElement(Svg + "text", new XAttribute("class", "node-label"), new XAttribute("x", N(x + 9)), new XAttribute("y", N(y - 7)), post.AuthorName) : null));
        }

        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "thread-map"),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)),
            new XAttribute("height", N(height)),
            new XAttribute("role", "group"),
            new XAttribute("aria-label", $"Map of {title}: {posts.Count} posts, {quotes.Count} quotes"),
            new XElement(Svg + "defs",
                new XElement(Svg + "marker",
                    new XAttribute("id", "quote-arrow"), new XAttribute("viewBox", "0 0 10 10"),
                    new XAttribute("refX", "9"), new XAttribute("refY", "5"),
                    new XAttribute("markerWidth", "7"), new XAttribute("markerHeight", "7"), new XAttribute("orient", "auto-start-reverse"),
                    new XElement(Svg + "path", new XAttribute("class", "quote-arrow"), new XAttribute("d", "M0 0 L10 5 L0 10 z")))),
            replies, quoteEdges, nodes);
        return SvgMarkup.Of(svg);
    }

    /// <summary>Colour classes by the quotes a post drew: none, one, a few, many.</summary>
    public static string Heat(int quotesDrawn) => quotesDrawn switch
    {
        0 => "heat-0",
        1 => "heat-1",
        <= 3 => "heat-2",
        _ => "heat-3",
    };

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}

using System.Text;
using System.Text.Json;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Reads and writes the <c>debate-reconstruction/1</c> document. The spec's keys come first
/// (<c>format</c>; per comment <c>id</c>, <c>parent</c>, <c>lines</c>, <c>quotes</c> with
/// <c>line</c>, <c>source</c>, <c>sourceLine</c>); the extras follow (per comment <c>confidence</c>,
/// <c>parentConfidence</c>; per quote <c>kind</c>, <c>similarity</c>, <c>earlierWording</c>,
/// <c>confidence</c>; a top-level <c>lines</c> array of <c>{number, role, renders}</c>, without the
/// text, which the input file already holds).
/// </summary>
public static class ReconstructionJson
{
    public const string Format = "debate-reconstruction/1";

    public static string Write(ReconstructedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("comments");
            foreach (var comment in page.Comments)
            {
                WriteComment(json, comment);
            }

            json.WriteEndArray();
            json.WriteStartArray("lines");
            foreach (var line in page.Lines)
            {
                json.WriteStartObject();
                json.WriteNumber("number", line.Number);
                json.WriteString("role", line.Role);
                WriteNullableNumber(json, "renders", line.Renders);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads a document written by <see cref="Write"/> (or any producer of the spec's shape: the
    /// extra keys are optional). Line texts are not in the document and read back empty.
    /// </summary>
    public static ReconstructedPage Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format != Format)
        {
            throw new FormatException($"Expected format \"{Format}\", found \"{format}\".");
        }

        var comments = root.GetProperty("comments").EnumerateArray().Select(ReadComment).ToList();
        var lines = root.TryGetProperty("lines", out var l)
            ? l.EnumerateArray().Select(ReadLine).ToList()
            : [];
        return new ReconstructedPage(comments, lines);
    }

    private static void WriteComment(Utf8JsonWriter json, ReconstructedComment comment)
    {
        json.WriteStartObject();
        json.WriteString("id", comment.Id);
        json.WriteString("parent", comment.Parent);
        json.WriteStartArray("lines");
        foreach (var line in comment.Lines)
        {
            json.WriteNumberValue(line);
        }

        json.WriteEndArray();
        json.WriteStartArray("quotes");
        foreach (var quote in comment.Quotes)
        {
            WriteQuote(json, quote);
        }

        json.WriteEndArray();
        json.WriteNumber("confidence", Round(comment.Confidence));
        json.WriteNumber("parentConfidence", Round(comment.ParentConfidence));
        json.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter json, ReconstructedQuote quote)
    {
        json.WriteStartObject();
        json.WriteNumber("line", quote.Line);
        json.WriteString("source", quote.Source);
        if (quote.SourceLine is { } sourceLine)
        {
            json.WriteNumber("sourceLine", sourceLine); // absent for embeds, as in the spec's example
        }

        json.WriteString("kind", quote.Kind);
        json.WriteNumber("similarity", Round(quote.Similarity));
        json.WriteBoolean("earlierWording", quote.EarlierWording);
        json.WriteNumber("confidence", Round(quote.Confidence));
        json.WriteEndObject();
    }

    private static ReconstructedComment ReadComment(JsonElement comment) => new(
        comment.GetProperty("id").GetString() ?? throw new FormatException("A comment has a null id."),
        OptionalString(comment, "parent"),
        comment.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToArray(),
        comment.TryGetProperty("quotes", out var quotes) ? quotes.EnumerateArray().Select(ReadQuote).ToArray() : [],
        OptionalDouble(comment, "confidence", 1.0),
        OptionalDouble(comment, "parentConfidence", 1.0));

    private static ReconstructedQuote ReadQuote(JsonElement quote)
    {
        var source = OptionalString(quote, "source");
        return new ReconstructedQuote(
            quote.GetProperty("line").GetInt32(),
            source,
            OptionalInt(quote, "sourceLine"),
            OptionalString(quote, "kind") ?? (source is null ? QuoteKinds.Embed : QuoteKinds.Quote),
            OptionalDouble(quote, "similarity", source is null ? 0.0 : 1.0),
            quote.TryGetProperty("earlierWording", out var edited) && edited.ValueKind == JsonValueKind.True,
            OptionalDouble(quote, "confidence", 1.0));
    }

    private static PageLine ReadLine(JsonElement line) => new(
        line.GetProperty("number").GetInt32(),
        string.Empty,
        OptionalString(line, "role") ?? LineRoles.Own,
        OptionalInt(line, "renders"));

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static double OptionalDouble(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : fallback;

    private static double Round(double value) => Math.Round(value, 3);
}

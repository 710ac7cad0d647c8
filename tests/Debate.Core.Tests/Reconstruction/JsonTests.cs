using Debate.Core.Reconstruction;
using Xunit;
using System.Text.Json;

namespace Debate.Core.Tests.Reconstruction;

public sealed class JsonTests
{
    private static readonly ReconstructedPage Seed = PageReconstructor.Reconstruct(TestData.Seed);

    [Fact]
    public void Write_then_read_round_trips()
    {
        var json = ReconstructionJson.Write(Seed);
        var read = ReconstructionJson.Read(json);

        Assert.Equal(json, ReconstructionJson.Write(read));
        Assert.Equal(Seed.Comments.Count, read.Comments.Count);
        for (var k = 0; k < Seed.Comments.Count; k++)
        {
            Assert.Equal(Seed.Comments[k].Id, read.Comments[k].Id);
            Assert.Equal(Seed.Comments[k].Parent, read.Comments[k].Parent);
            Assert.Equal(Seed.Comments[k].Lines, read.Comments[k].Lines);
            Assert.Equal(Seed.Comments[k].Quotes, read.Comments[k].Quotes);
        }

        Assert.Equal(Seed.Lines.Select(l => (l.Number, l.Role, l.Renders)), read.Lines.Select(l => (l.Number, l.Role, l.Renders)));
    }

    [Fact]
    public void Write_emits_the_spec_shape_with_camel_case_extras()
    {
        using var document = JsonDocument.Parse(ReconstructionJson.Write(Seed));
        var root = document.RootElement;
        Assert.Equal("debate-reconstruction/1", root.GetProperty("format").GetString());

        var comment = root.GetProperty("comments")[1];
        Assert.Equal(["id", "parent", "lines", "quotes", "confidence", "parentConfidence"], Names(comment));
        Assert.Equal("c2", comment.GetProperty("id").GetString());

        var quote = comment.GetProperty("quotes")[0];
        Assert.Equal(["line", "source", "sourceLine", "kind", "similarity", "earlierWording", "confidence"], Names(quote));

        var embed = root.GetProperty("comments")[0].GetProperty("quotes")
            .EnumerateArray().First(q => q.GetProperty("kind").GetString() == "embed");
        Assert.Equal(JsonValueKind.Null, embed.GetProperty("source").ValueKind);
        Assert.False(embed.TryGetProperty("sourceLine", out _));

        var line = root.GetProperty("lines")[0];
        Assert.Equal(["number", "role", "renders"], Names(line));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("comments")[0].GetProperty("parent").ValueKind);
    }

    [Fact]
    public void Write_is_indented()
    {
        var json = ReconstructionJson.Write(Seed);

        Assert.StartsWith("{\n  \"format\"", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_accepts_the_minimal_spec_example()
    {
        const string json = """
            {
              "format": "debate-reconstruction/1",
              "comments": [
                { "id": "c1", "parent": null, "lines": [1, 2, 3, 128],
                  "quotes": [ { "line": 2, "source": null } ] },
                { "id": "c2", "parent": "c1", "lines": [29, 30, 31, 134],
                  "quotes": [ { "line": 31, "source": "c1", "sourceLine": 6 } ] }
              ]
            }
            """;
        var page = ReconstructionJson.Read(json);

        Assert.Equal(2, page.Comments.Count);
        Assert.Equal(QuoteKinds.Embed, page.Comments[0].Quotes[0].Kind);
        Assert.Equal(new ReconstructedQuote(31, "c1", 6, QuoteKinds.Quote, 1.0, false, 1.0), page.Comments[1].Quotes[0]);
        Assert.Empty(page.Lines);
    }

    [Fact]
    public void Read_rejects_another_format() =>
        Assert.Throws<FormatException>(() => ReconstructionJson.Read("""{ "format": "debate-thread/1", "comments": [] }"""));

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}

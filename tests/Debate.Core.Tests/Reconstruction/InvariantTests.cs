using Debate.Core.Reconstruction;
using Xunit;
namespace Debate.Core.Tests.Reconstruction;

/// <summary>Whatever a page looks like, the reconstruction keeps the format's invariants.</summary>
public sealed class InvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Shuffled_and_repeated_paragraphs_keep_the_invariants(int seed)
    {
        var random = new Random(seed);
        var paragraphs = TestData.SeedLines;
        var lines = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var pick = random.Next(10) switch
            {
                0 => string.Empty,                                                   // blank line
                1 => Fragment(paragraphs[random.Next(paragraphs.Length)], random),  // a cut fragment
                2 => "Yes.",                                                         // a short repeated line
                _ => paragraphs[random.Next(paragraphs.Length)],
            };
            lines.Add(pick);
        }

        lines.AddRange(lines.Where((_, i) => i % 3 == 0).ToList()); // a partial second rendering
        var text = string.Join('\n', lines);

        PageAssertions.AssertValid(text, PageReconstructor.Reconstruct(text));
    }

    private static string Fragment(string paragraph, Random random) => paragraph[..random.Next(0, Math.Min(40, paragraph.Length) + 1)];

    [Theory]
    [InlineData("A said a thing here.\nA said a thing here.\nA said a thing here.\nA said a thing here.")]
    [InlineData("x")]
    [InlineData("“”\n[1]\n...\n…\n—")]
    [InlineData("\r\n\r\n")]
    public void Odd_pages_keep_the_invariants(string text) =>
        PageAssertions.AssertValid(text, PageReconstructor.Reconstruct(text));
}

using Debate.Core.Reconstruction;
using Xunit;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Debate.Core.Tests.Reconstruction;

public sealed class LargePageTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_thousand_line_page_reconstructs_to_a_valid_thread()
    {
        var text = TestData.LargePage(copies: 49);
        var lineCount = text.Count(c => c == '\n') + 1;
        Assert.True(lineCount >= 10_000, $"{lineCount} lines");

        var clock = Stopwatch.StartNew();
        var page = PageReconstructor.Reconstruct(text);
        clock.Stop();
        output.WriteLine($"{lineCount} lines, {page.Comments.Count} comments, {clock.ElapsedMilliseconds} ms");

        PageAssertions.AssertValid(text, page);
        // Each of the 49 copies holds the truth's 18 comments: 882. Reconstruction is a heuristic, and with 49 alike copies
        // of every comment, second renderings can be matched to the wrong copy and comments run together; this is a
        // quality floor (720, about 82%), not an exact count.
        Assert.True(page.Comments.Count >= 720, $"{page.Comments.Count} comments of 882");
        Assert.Equal(LineRoles.Rerender, page.Lines[(127 * 49) + 1 - 1].Role);     // the second rendering starts after all first ones
    }
}

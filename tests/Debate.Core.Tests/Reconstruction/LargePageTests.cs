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
        Assert.True(page.Comments.Count >= 18 * 40, $"{page.Comments.Count} comments"); // each copy holds 18
        Assert.Equal(LineRoles.Rerender, page.Lines[(127 * 49) + 1 - 1].Role);     // the second rendering starts after all first ones
    }
}

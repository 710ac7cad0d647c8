using Debate.Core.Outline;
using Xunit;

namespace Debate.Core.Tests.Seeding;

public class PodcastOutlineReaderTests
{
    private static string SeedPage() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "004_e436cd21da4a61dd.txt"));

    [Fact]
    public void Reads_every_section_once_with_its_timestamp()
    {
        var outline = PodcastOutlineReader.Read(SeedPage(), "https://audio.example/full");

        Assert.Equal(118, outline.Count);
        var speed = Assert.Single(outline, s => s.Number == "4.4");
        Assert.Equal("Speed arguments", speed.Title);
        Assert.Equal("05:16:10", speed.Links.Single().At);
        Assert.Equal("“Clean” vs. “messy” goal-directedness", outline.Single(s => s.Number == "2.2.3").Title);
        Assert.Equal("Introduction", outline[0].Title);
        Assert.Equal("0", outline[0].Number);
    }

    [Fact]
    public void Finds_the_labelled_links_of_the_page()
    {
        var links = PodcastOutlineReader.Links(SeedPage());

        Assert.Contains(("Full text of the report here", "https://arxiv.org/abs/2311.08379"), links);
    }

    [Theory]
    [InlineData("05:16:10", 18970)]
    [InlineData("16:10", 970)]
    public void Converts_timestamps_to_seconds(string at, int seconds) =>
        Assert.Equal(seconds, PodcastOutlineReader.Seconds(at));
}

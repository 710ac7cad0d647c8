using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Reading;

public class SectionMentionsTests
{
    private static readonly HashSet<string> Outline = ["0.1", "2.2.1", "4.4"];

    [Fact]
    public void Finds_sections_of_the_outline_whatever_the_case()
    {
        const string text = "As the report discusses in e.g. Section 4.4, on speed; see also section 0.1. And §4.4 again.";

        var mentions = SectionMentions.Find(text, Outline);

        Assert.Equal(["Section 4.4", "section 0.1", "§4.4"], mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["4.4", "0.1", "4.4"], mentions.Select(m => m.Number));
    }

    [Fact]
    public void A_section_of_another_document_is_not_a_mention()
    {
        const string text = "my own take on that is in section 2.2.1 of my report on power-seeking AI here; section 4.4 of the report agrees.";

        var mentions = SectionMentions.Find(text, Outline);

        Assert.Equal(["4.4"], mentions.Select(m => m.Number));
    }

    [Fact]
    public void Numbers_the_outline_does_not_have_are_left_alone()
    {
        Assert.Empty(SectionMentions.Find("see section 9.9, and section 4.4.2 and crosssection 4.4", Outline));
    }
}

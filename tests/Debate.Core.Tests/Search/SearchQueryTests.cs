using Debate.Core.Search;
using Xunit;

namespace Debate.Core.Tests.Search;

/// <summary>Reading a query as typed: filters taken out of it, phrases left whole, corrections put back in the right places.</summary>
public class SearchQueryTests
{
    [Theory]
    [InlineData("-\"gradient author:nobody\" hacking", "-\"gradient author:nobody\" hacking")]
    [InlineData("a-\"b author:bob c\"", "a-\"b author:bob c\"")]
    [InlineData("\"see arXiv:2311.08379\" gradient", "\"see arXiv:2311.08379\" gradient")]
    public void A_filter_inside_a_phrase_is_part_of_the_phrase(string input, string text)
    {
        var query = SearchQuery.Parse(input);

        Assert.Empty(query.Errors);
        Assert.Equal(text, query.Text);
        Assert.True(query.Filters.IsEmpty);
    }

    [Fact]
    public void A_quoted_filter_value_is_still_a_filter()
    {
        var query = SearchQuery.Parse("gradient author:\"Joe Carlsmith\" -hacking");

        Assert.Equal("Joe Carlsmith", query.Filters.Author);
        Assert.Equal("gradient -hacking", query.Text);
    }

    [Fact]
    public void Half_of_a_surrogate_pair_counts_as_a_space_and_a_whole_pair_stays()
    {
        var query = SearchQuery.Parse("gradient\uD800hacking \U0001F600 mood\uDC00");

        Assert.Empty(query.Errors);
        Assert.Equal("gradient hacking \U0001F600 mood", query.Text);
    }

    [Fact]
    public void A_correction_replaces_searched_words_only_and_keeps_a_phrase_one_phrase()
    {
        var query = SearchQuery.Parse("\"toachieve goals\" toachieve -toachieve author:\"Joe Toachieve\" tag:toachieve");

        var corrected = query.WithWordsReplaced(new Dictionary<string, string> { ["toachieve"] = "\"to achieve\"" });

        Assert.Equal("\"to achieve goals\" \"to achieve\" -toachieve author:\"Joe Toachieve\" tag:toachieve", corrected);
    }

    [Fact]
    public void A_correction_of_a_word_before_a_colon_and_a_space_is_made_since_that_is_text()
    {
        var query = SearchQuery.Parse("corrigibilty: tradeofs");

        var corrected = query.WithWordsReplaced(new Dictionary<string, string> { ["corrigibilty"] = "corrigibility", ["tradeofs"] = "tradeoffs" });

        Assert.Equal("corrigibility: tradeoffs", corrected);
    }

    [Fact]
    public void A_short_excerpt_never_ends_in_half_of_an_emoji()
    {
        var text = new string('x', 239) + "\U0001F600" + new string('y', 20);

        var excerpt = Snippet.Excerpt(text).Text;

        Assert.Equal(new string('x', 239) + "…", excerpt);
    }
}

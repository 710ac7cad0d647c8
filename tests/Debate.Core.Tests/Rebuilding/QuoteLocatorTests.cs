using Debate.Core.Rebuilding;
using Xunit;

namespace Debate.Core.Tests.Rebuilding;

public class QuoteLocatorTests
{
    private const string Source = "the model will need to achieve loss scores so low that it tries. Another sentence.";

    [Theory]
    [InlineData("the model will need to achieve loss scores")]
    [InlineData("the model will need toachieve loss scores")]
    [InlineData("the model will need to achieve loss scores...")]
    [InlineData("...the model will need to achieve loss scores[1]")]
    [InlineData("the model will need to achieve loss scores…")]
    public void Finds_a_scraped_quote_despite_small_differences(string quote)
    {
        var span = QuoteLocator.Find(Source, quote);

        Assert.NotNull(span);
        Assert.Equal("the model will need to achieve loss scores", Source[span.Value.Start..span.Value.End]);
    }

    [Fact]
    public void Prefers_the_occurrence_near_the_quoted_line()
    {
        var source = "Yes. Later paragraph: Yes.";

        Assert.Equal((22, 26), QuoteLocator.Find(source, "Yes.", near: 10));
    }

    [Fact]
    public void Text_that_is_not_there_is_not_found() =>
        Assert.Null(QuoteLocator.Find(Source, "an entirely different claim"));
}

using Debate.Core.Claims;
using Xunit;

namespace Debate.Core.Tests.Claims;

public class TagNamesTests
{
    [Theory]
    [InlineData("Counting argument", "counting-argument")]
    [InlineData("  slack_in  training ", "slack-in-training")]
    [InlineData("goal-guarding", "goal-guarding")]
    [InlineData("x", null)]
    [InlineData("what?", null)]
    [InlineData("<script>", null)]
    public void Typed_names_become_addresses_or_are_refused(string typed, string? expected) =>
        Assert.Equal(expected, TagNames.Normalize(typed));

    [Fact]
    public void Synonyms_are_split_on_commas_without_blanks_or_repeats() =>
        Assert.Equal(["slack", "loss slack"], TagNames.Synonyms(" slack, , loss slack, Slack"));
}

using Debate.Core.Claims;
using Debate.Core.Model;
using Debate.Core.Reading;
using Xunit;

namespace Debate.Core.Tests.Claims;

/// <summary>The seed thread's exchange in small: Quintin opposes counting; Joe, answering him, questions it and argues speed; TurnTrout argues slack; Joe answers TurnTrout.</summary>
public class ArgumentGraphTests
{
    private static readonly DateTimeOffset T = new(2023, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static ThreadClaim Claim(long id, long post, long? parent, string author, int minute, string tag, Stance stance, string words) =>
        new(id, post, parent, author, T.AddMinutes(minute), tag, tag + " statement", stance, words);

    private static readonly ThreadClaim[] Claims =
    [
        Claim(1, 10, null, "Quintin Pope", 0, "counting-argument", Stance.Opposes, "the counting argument seems dubious"),
        Claim(2, 10, null, "Quintin Pope", 0, "simplicity-argument", Stance.Opposes, "not how simplicity biases work"),
        Claim(3, 11, 10, "Evan Hubinger", 1, "simplicity-argument", Stance.Supports, "simpler problem"),
        Claim(4, 12, 11, "TurnTrout", 2, "slack-in-training", Stance.Supports, "loss does not constrain training"),
        Claim(5, 15, 12, "Joe Carlsmith", 5, "speed-argument", Stance.Neutral, "cognitive resources"),
        Claim(6, 15, 12, "Joe Carlsmith", 5, "slack-in-training", Stance.Neutral, "how strongly training pressures"),
        Claim(7, 18, 10, "Joe Carlsmith", 8, "counting-argument", Stance.Questions, "a different kind of counting argument"),
        Claim(8, 18, 10, "Joe Carlsmith", 8, "speed-argument", Stance.Supports, "SGD will punish the extra reasoning"),
    ];

    private static readonly Dictionary<long, long?> Parents = new() { [10] = null, [11] = 10, [12] = 11, [13] = 12, [15] = 12, [18] = 10 };

    private static ArgumentGraph Graph() => ArgumentGraph.Build(Claims, Parents, [new QuoteEdge(11, 10), new QuoteEdge(12, 11)]);

    private static (string From, string To, Stance Stance, ArgumentLink Link) Edge(ArgumentEdge e) => (e.From.Id, e.To.Id, e.Stance, e.Link);

    [Fact]
    public void A_post_that_replies_without_quoting_answers_its_nearest_tagged_ancestor_claim_for_claim()
    {
        var edges = Graph().Edges.Select(Edge).ToList();

        Assert.Contains(("p18-counting-argument", "p10-counting-argument", Stance.Questions, ArgumentLink.Replies), edges);
        // Speed is not on Quintin's post: it answers what both posts argue, the counting argument.
        Assert.Contains(("p18-speed-argument", "p10-counting-argument", Stance.Supports, ArgumentLink.Replies), edges);
        Assert.Contains(("p15-slack-in-training", "p12-slack-in-training", Stance.Neutral, ArgumentLink.Replies), edges);
    }

    [Fact]
    public void A_quote_between_tagged_posts_is_an_edge_between_their_claims()
    {
        var edges = Graph().Edges.Select(Edge).ToList();

        Assert.Contains(("p11-simplicity-argument", "p10-simplicity-argument", Stance.Supports, ArgumentLink.Quotes), edges);
        // TurnTrout quotes Evan, who argued something else: the edge still says so.
        Assert.Contains(("p12-slack-in-training", "p11-simplicity-argument", Stance.Supports, ArgumentLink.Quotes), edges);
        Assert.Equal(6, edges.Count);
    }

    [Fact]
    public void Nodes_are_grouped_by_tag_and_tags_joined_by_edges_stand_side_by_side()
    {
        var graph = Graph();

        Assert.Equal(["counting-argument", "speed-argument", "slack-in-training", "simplicity-argument"], graph.Tags.Select(t => t.Name));
        Assert.Equal(["p10-counting-argument", "p18-counting-argument"], graph.Tags[0].Nodes.Select(n => n.Id));
    }

    [Fact]
    public void The_argdown_export_states_each_tag_and_relates_each_stand_to_it()
    {
        var text = ArgdownWriter.Write("Scheming AIs", "https://debate.example/t/scheming-ais", Graph(), id => $"https://debate.example/t/scheming-ais/p/{id}");

        Assert.StartsWith("===\ntitle: \"Scheming AIs\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\n[counting-argument]: counting-argument statement\n  - <Quintin Pope, post 10, on counting-argument>\n", text, StringComparison.Ordinal);
        Assert.Contains("\n[speed-argument]: speed-argument statement\n  + <Joe Carlsmith, post 18, on speed-argument>\n", text, StringComparison.Ordinal);
        Assert.Contains("\n<Joe Carlsmith, post 18, on counting-argument>: “a different kind of counting argument” #questions {url: \"https://debate.example/t/scheming-ais/p/18\"", text, StringComparison.Ordinal);
        Assert.Contains("// <Joe Carlsmith, post 18, on counting-argument> replies to <Quintin Pope, post 10, on counting-argument>, questions\n", text, StringComparison.Ordinal);
    }
}

using System.Net;
using Debate.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Claims;

/// <summary>The demo thread's argument: its claim tags drawn as a map, said in words, and exported as Argdown.</summary>
public class ArgumentViewTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const string Path = "/t/scheming-ais/arguments";

    [Fact]
    public async Task The_seed_threads_argument_map_has_a_column_per_tag_and_joins_the_counting_speed_and_slack_exchange()
    {
        var page = await fixture.App.CreateClient().GetDocumentAsync(Path);

        var svg = page.QuerySelector("svg.argument-map")!;
        var tags = svg.QuerySelectorAll(".tag-header .tag-name").Select(t => t.TextContent).ToList();
        Assert.Equal(6, tags.Count);
        Assert.Equal(["counting-argument", "speed-argument", "slack-in-training"], tags.Take(3));
        Assert.Contains("reversal-curse", tags);
        Assert.Contains("goal-guarding", tags);
        // Joe Carlsmith, answering Quintin Pope, questions the counting argument and argues speed against it.
        var edges = svg.QuerySelectorAll("path.argument-edge")
            .Select(e => (From: e.GetAttribute("data-from")!, To: e.GetAttribute("data-to")!, Class: e.GetAttribute("class")!)).ToList();
        var questions = Assert.Single(edges, e => e.From.EndsWith("-counting-argument", StringComparison.Ordinal) && e.Class.Contains("stance-questions", StringComparison.Ordinal));
        Assert.EndsWith("-counting-argument", questions.To, StringComparison.Ordinal);
        Assert.Contains(edges, e => e.From.EndsWith("-speed-argument", StringComparison.Ordinal) && e.To == questions.To);
        // Evan Hubinger opposes TurnTrout's slack, further down the same branch.
        Assert.Contains(edges, e => e.From.EndsWith("-slack-in-training", StringComparison.Ordinal) && e.To.EndsWith("-slack-in-training", StringComparison.Ordinal)
            && e.Class.Contains("stance-opposes", StringComparison.Ordinal));
        var cards = svg.QuerySelectorAll("a.argument-node");
        Assert.All(cards, card => Assert.StartsWith("/t/scheming-ais/p/", card.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(cards, card => card.QuerySelector("title")!.TextContent.StartsWith("Joe Carlsmith questions counting-argument", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#words-heading"));
    }

    [Fact]
    public async Task The_argdown_export_states_every_tag_of_the_seed_and_relates_the_stands_to_it()
    {
        using var response = await fixture.App.CreateClient().GetAsync(Path + ".argdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var tag in new[] { "counting-argument", "simplicity-argument", "speed-argument", "slack-in-training", "reversal-curse", "goal-guarding" })
            Assert.Contains($"\n[{tag}]: ", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\[counting-argument\]: [^\n]+\n  - <Quintin Pope, post \d+, on counting-argument>\n", text);
        Assert.Matches(@"<Joe Carlsmith, post \d+, on counting-argument>: “[^”]+” #questions", text);
    }

    [Fact]
    public async Task An_unknown_thread_has_no_argument_page()
    {
        using var response = await fixture.App.CreateClient().GetAsync("/t/no-such-thread/arguments");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_argument_page_passes_axe_core_and_is_drawn_readably()
    {
        var page = await Infrastructure.Browser.NewPageAsync(fixture.ServerAddress);
        await page.GotoAsync(Path);

        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Drawn readably: no card lies over another, every card's words stay inside it, and every tag's name and
        // statement stay inside its column, above the first card. (The boxes as the browser lays them out, fonts and all.)
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const box = e => e.getBoundingClientRect();
              const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
              const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              const found = [];
              const cards = [...document.querySelectorAll('svg.argument-map a.argument-node')].map(node => ({ id: node.id, node, card: box(node.querySelector('rect.card')) }));
              if (cards.length === 0) found.push('no cards drawn');
              for (let i = 0; i < cards.length; i++) {
                for (let j = i + 1; j < cards.length; j++)
                  if (overlap(cards[i].card, cards[j].card)) found.push(`${cards[i].id} overlaps ${cards[j].id}`);
                for (const text of cards[i].node.querySelectorAll('text'))
                  if (!inside(box(text), cards[i].card)) found.push(`${text.getAttribute('class')} "${text.textContent}" spills out of ${cards[i].id}`);
              }
              const firstCard = Math.min(...cards.map(c => c.card.top));
              for (const header of document.querySelectorAll('svg.argument-map a.tag-header')) {
                const column = box(header.querySelector('rect.tag-column'));
                for (const text of header.querySelectorAll('text')) {
                  const b = box(text);
                  if (!inside(b, column)) found.push(`${text.getAttribute('class')} "${text.textContent}" spills out of its column`);
                  if (b.bottom > firstCard + 0.5) found.push(`${text.getAttribute('class')} "${text.textContent}" runs into the cards`);
                }
              }
              return found;
            }
            """);
        Assert.True(problems.Length == 0, string.Join("\n", problems));

        await Infrastructure.Browser.ScreenshotAsync(page, "arguments");
        await page.Locator("svg.argument-map").ScreenshotAsync(new LocatorScreenshotOptions { Path = System.IO.Path.Combine(Infrastructure.Browser.ArtifactsFolder, "argument-map.png") });
        await page.Context.CloseAsync();
    }
}

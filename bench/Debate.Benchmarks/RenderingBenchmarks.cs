using BenchmarkDotNet.Attributes;
using Debate.Core.Anchoring;
using Debate.Core.Markdown;
using Debate.Core.Reading;

namespace Debate.Benchmarks;

/// <summary>Markdown render + sanitise of a typical post, quote anchoring after an edit, and tree assembly of 5,000 posts.</summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class RenderingBenchmarks
{
    private const string Post = """
        > The problem is that figuring out how to do well at training is actually quite hard

        It seems to me like you're positing some *need to do well in training*, which is a kinda weird frame.
        See [the report](https://arxiv.org/abs/2311.08379), section 4.4.[^1]

        - verbally reason about whether a postulated algorithm minimizes loss, and then
        - brainstorm English descriptions of algorithms which get even lower loss

        [^1]: On speed arguments.
        """;

    private string _source = "";
    private Debate.Core.Model.TextAnchor _anchor = new();
    private string _edited = "";
    private List<PostView> _posts = [];

    [GlobalSetup]
    public void Setup()
    {
        _source = MarkdownRenderer.Render(Post, "p1-").PlainText;
        var start = _source.IndexOf("kinda weird frame", StringComparison.Ordinal);
        _anchor = TextAnchoring.Create(_source, start, start + "kinda weird frame".Length);
        _edited = "Edited to add a first sentence. " + _source;
        var random = new Random(5);
        _posts = Enumerable.Range(1, 5000).Select(i => new PostView(
            i, i == 1 ? null : random.Next(Math.Max(1, i - 40), i), 0, "Author", "author",
            DateTimeOffset.UnixEpoch.AddMinutes(i), "<p>text</p>", false, false, 1, [])).ToList();
    }

    [Benchmark]
    public int RenderAndSanitise() => MarkdownRenderer.Render(Post, "p1-").Html.Length;

    [Benchmark]
    public int ReanchorAfterEdit() => TextAnchoring.Locate(_edited, _anchor).Start;

    [Benchmark]
    public int AssembleTreeOf5000Posts() => PostTree.Build(_posts).Count;
}

using System.Text;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Markdown;
using Xunit;

namespace Debate.Core.Tests.Interchange.Platforms;

/// <summary>The export files under tests/data/imports, and what the platform reader tests share.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly PlatformImportOptions Options = new() { Slug = "imported", Title = "Imported", Clock = new FixedClock(Now) };

    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", "imports", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The text with <paramref name="from"/> replaced, failing when it is not there (a test that changes nothing proves nothing).</summary>
    public static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>UTF-8 bytes of the text with a byte that no UTF-8 text holds put at <paramref name="at"/>.</summary>
    public static byte[] WithInvalidByte(string text, int at)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.Insert(at, 0xFF);
        return [.. bytes];
    }

    public static PostInfo Post(ThreadDocument document, string id) => Assert.Single(document.Posts, p => p.Id == id);

    /// <summary>The text the importer will store for the post, which quote offsets count in.</summary>
    public static string PlainText(PostInfo post) => MarkdownRenderer.Render(post.Body, "p1-").PlainText;

    public static void AssertQuotes(ThreadDocument document, QuoteInfo quote, string exact)
    {
        Assert.Equal(exact, quote.Exact);
        Assert.Equal(exact, PlainText(Post(document, quote.SourcePostId))[quote.Start..quote.End]);
        Assert.Equal(1, quote.SourceRevision);
    }

    /// <summary>The file was refused for one fault, at <paramref name="where"/>, whose message says <paramref name="says"/>.</summary>
    public static void AssertOneError(ImportException error, string where, string says)
    {
        var only = Assert.Single(error.Errors);
        Assert.Equal(where, only.Where);
        Assert.Contains(says, only.Message, StringComparison.Ordinal);
    }

    /// <summary>The file was refused as cut short, at a line of it.</summary>
    public static void AssertCutShort(ImportException error, string file)
    {
        Assert.Equal(file, error.File);
        var only = Assert.Single(error.Errors);
        Assert.Matches(@"^line \d+$", only.Where);
        Assert.Contains("cut short", only.Message, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

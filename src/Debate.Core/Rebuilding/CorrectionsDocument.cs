using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Model;

namespace Debate.Core.Rebuilding;

/// <summary>
/// debate-corrections/1: what a moderator adds to a machine reconstruction of a scraped page — the thread's
/// details, its authors and tags, and review steps applied in order. Steps name comments by a line they
/// hold, so they survive changes in how the machine numbers its comments.
/// </summary>
public sealed record CorrectionsDocument
{
    public const string FormatName = "debate-corrections/1";
    public required string Format { get; init; }
    /// <summary>The page these corrections were made on.</summary>
    public string? Input { get; init; }
    public required ThreadInfo Thread { get; init; }
    /// <summary>Where the full audio is: outline sections read from a podcast page link there at their timestamps.</summary>
    public string? AudioUrl { get; init; }
    /// <summary>Scraped pages carry no times: posts get this time plus one minute per place in the page.</summary>
    public required DateTimeOffset PostedFrom { get; init; }
    public Platform Platform { get; init; } = Platform.LessWrong;
    public List<AuthorInfo> Authors { get; init; } = [];
    public List<TagInfo> Tags { get; init; } = [];
    public List<CorrectionStep> Steps { get; init; } = [];

    public static CorrectionsDocument Read(string json, string fileName)
    {
        CorrectionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CorrectionsDocument>(json, InterchangeJson.Options);
        }
        catch (JsonException e)
        {
            throw new ImportException(fileName, [new ImportError($"line {(e.LineNumber ?? 0) + 1}, {e.Path ?? "$"}", e.Message.Split(" Path:")[0])]);
        }
        if (document is null || document.Format != FormatName)
            throw new ImportException(fileName, [new ImportError("$.format", $"expected \"{FormatName}\"")]);
        return document;
    }
}

/// <summary>One review step. <see cref="Op"/> says which; the other fields are what that step needs.</summary>
public sealed record CorrectionStep
{
    /// <summary>author, parent, split, join, move, quote, unquote, embed, unembed or claim.</summary>
    public required string Op { get; init; }
    /// <summary>A line of the comment the step is about (or the line itself, for line steps).</summary>
    public required int Line { get; init; }
    public string? Author { get; init; }
    /// <summary>For parent: a line of the new parent; null makes the comment top-level.</summary>
    public int? ParentLine { get; init; }
    /// <summary>For join and move: a line of the comment that receives.</summary>
    public int? IntoLine { get; init; }
    /// <summary>For quote: the line whose text is quoted.</summary>
    public int? SourceLine { get; init; }
    public Platform? Platform { get; init; }
    public string? Tag { get; init; }
    public Stance? Stance { get; init; }
    /// <summary>For claim: the tagged words, as they stand in the comment.</summary>
    public string? Exact { get; init; }
    /// <summary>Why the reviewer made the step; kept for whoever reads the file next.</summary>
    public string? Why { get; init; }
}

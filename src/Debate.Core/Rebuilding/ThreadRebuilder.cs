using Debate.Core.Interchange;
using Debate.Core.Outline;
using Debate.Core.Reconstruction;

namespace Debate.Core.Rebuilding;

/// <summary>What the machine proposed for a page, and the thread after a moderator's corrections.</summary>
public sealed record RebuiltThread(ReconstructedPage Proposal, ThreadDocument Document);

/// <summary>A scraped page, reconstructed by the machine, then corrected by a reviewer's steps: a thread ready to import.</summary>
public static class ThreadRebuilder
{
    /// <param name="pageText">The scraped comment page.</param>
    /// <param name="outlinePageText">A podcast page with the report's chapters, or null.</param>
    /// <param name="corrections">The reviewer's corrections.</param>
    /// <param name="correctionsFile">The corrections' file name, for error messages.</param>
    public static RebuiltThread Rebuild(string pageText, string? outlinePageText, CorrectionsDocument corrections, string correctionsFile)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        var proposal = PageReconstructor.Reconstruct(pageText);
        var reviewed = ReviewedPage.From(proposal);
        reviewed.ApplyAll(corrections.Steps, correctionsFile);
        var outline = outlinePageText is null || corrections.AudioUrl is null
            ? []
            : PodcastOutlineReader.Read(outlinePageText, corrections.AudioUrl);
        ThreadDocument document;
        try
        {
            document = RebuiltThreadWriter.Write(reviewed, corrections, outline);
        }
        catch (ArgumentException e)
        {
            throw new ImportException(correctionsFile, [new ImportError("$.steps", e.Message)]);
        }
        var errors = ThreadDocumentReader.Validate(document);
        if (errors.Count > 0)
            throw new ImportException(correctionsFile, errors);
        return new RebuiltThread(proposal, document);
    }
}

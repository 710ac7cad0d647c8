using System.Security.Cryptography;
using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Core.Reconstruction;

namespace Debate.Core.Rebuilding;

/// <summary>A scraped page imported as it stands: the machine's thread as a draft, and the page with the proposal kept for review.</summary>
public sealed record ScrapedPageDraft(ThreadDocument Document, ImportedDocument Source);

public static class ScrapedPageImport
{
    public const string FormatName = "scraped-page";

    /// <summary>
    /// Reconstructs the page into a draft thread marked as reconstructed, with no corrections yet: authors
    /// are unknown until a moderator reviews it. The proposal, with the confidence of each guess, is kept
    /// beside the page so the review view can show both.
    /// </summary>
    public static ScrapedPageDraft Read(ExportFile file, PlatformImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var text = ExportJson.Decode(file.Content, file.Name);
        if (string.IsNullOrWhiteSpace(text))
            throw new ImportException(file.Name, [new ImportError("line 1", "the page is empty")]);
        var proposal = PageReconstructor.Reconstruct(text);
        var now = options.Clock.GetUtcNow();
        var corrections = new CorrectionsDocument
        {
            Format = CorrectionsDocument.FormatName,
            Input = file.Name,
            Thread = new ThreadInfo { Slug = options.Slug, Title = options.Title, Status = ThreadStatus.Draft, Reconstructed = true },
            PostedFrom = now,
            Platform = options.Site ?? Platform.Web,
        };
        var document = RebuiltThreadWriter.Write(ReviewedPage.From(proposal), corrections, []);
        var errors = ThreadDocumentReader.Validate(document);
        if (errors.Count > 0)
            throw new ImportException(file.Name, errors);
        var source = new ImportedDocument
        {
            Format = FormatName,
            FileName = file.Name,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
            Content = text,
            Proposal = JsonDocument.Parse(ReconstructionJson.Write(proposal)),
            Corrections = JsonSerializer.SerializeToDocument(corrections, InterchangeJson.Options),
            ImportedAt = now,
        };
        return new ScrapedPageDraft(document, source);
    }
}

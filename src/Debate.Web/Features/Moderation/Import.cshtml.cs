using Debate.Core.Data;
using Debate.Core.Interchange;
using Debate.Core.Interchange.Platforms;
using Debate.Core.Model;
using Debate.Core.Moderation;
using Debate.Core.Rebuilding;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Moderation;

/// <summary>
/// Moderators upload an export (a thread file, forum comments, an X archive's two files, X API pages, or a
/// scraped page) and it is imported all or nothing, exactly as `debate import` does.
/// </summary>
[RequestSizeLimit(ImportModel.MaxUploadBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxUploadBytes + 1_000_000)]
public sealed class ImportModel(DebateDbContext db, TimeProvider clock, IValidator<ImportModel.InputModel> validator) : PageModel
{
    public const long MaxUploadBytes = 50_000_000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ImportResult? Result { get; private set; }
    public bool ResultIsDraft { get; private set; }
    public int RepostsFound { get; private set; }
    public IReadOnlyList<string> FileErrors { get; private set; } = [];

    public sealed class InputModel
    {
        public List<IFormFile> Files { get; set; } = [];
        public string? Format { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.Files).NotEmpty().WithMessage("Choose the file to import (an X archive: its tweets.js and account.js).");
            RuleFor(i => i.Files).Must(files => files.Count <= 20).WithMessage("At most 20 files at once.");
            RuleFor(i => i.Files).Must(files => files.Sum(f => f.Length) <= MaxUploadBytes)
                .WithMessage($"The files add up to more than {MaxUploadBytes / 1_000_000} MB; import larger exports with the command line.");
            RuleFor(i => i.Format).Must(f => f is null || ImportFormats.ByName.ContainsKey(f)).WithMessage("Choose a format from the list.");
            RuleFor(i => i.Slug).Must(s => s is null || ThreadDocumentReader.SlugPattern().IsMatch(s))
                .WithMessage("Use 1 to 100 lower-case letters, digits and hyphens.");
            RuleFor(i => i.Title).MaximumLength(300).WithMessage("A title has at most 300 characters.");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return Page();
        var files = new List<ExportFile>();
        try
        {
            foreach (var upload in Input.Files)
            {
                using var content = new MemoryStream();
                await upload.CopyToAsync(content, cancellationToken);
                files.Add(new ExportFile(Path.GetFileName(upload.FileName), content.ToArray()));
            }
            var (document, source, draft) = Read(files);
            Result = await new ThreadImporter(db, clock).ImportAsync(document, string.Join(", ", files.Select(f => f.Name)), source, cancellationToken);
            ResultIsDraft = draft;
            // New posts are matched against what is already here, so a reposted tweet is offered for merging at once.
            RepostsFound = (await RepostFinder.FindForAsync(db, Result.AddedPostIds, clock, cancellationToken)).Count;
        }
        catch (ImportException e)
        {
            // A thread file's faults name JSON paths; the lines they stand on are found in the file again. A file whose
            // format cannot be told (not UTF-8, say) is no thread file: its faults are shown as they are.
            var errors = files is [var only] && (Input.Format is { } named ? ImportFormats.ByName[named] : DetectedOrNone(only)) == ImportFormat.DebateThread
                ? JsonLines.Locate(System.Text.Encoding.UTF8.GetString(only.Content), e.Errors)
                : [.. e.Errors];
            FileErrors = errors.Select(error => $"{e.File}: {error}").ToList();
        }
        return Page();
    }

    private static ImportFormat? DetectedOrNone(ExportFile file)
    {
        try
        {
            return ImportFormats.Detect(file);
        }
        catch (ImportException)
        {
            return null;
        }
    }

    /// <summary>The uploaded files as a thread document; an X archive is its tweets file(s) and its account.js.</summary>
    private (ThreadDocument Document, ImportedDocument? Source, bool Draft) Read(List<ExportFile> files)
    {
        var account = files.FirstOrDefault(f => f.Name.Equals("account.js", StringComparison.OrdinalIgnoreCase));
        var format = Input.Format is { } named ? ImportFormats.ByName[named]
            : account is not null ? ImportFormat.XArchive
            : files.Count == 1 ? ImportFormats.Detect(files[0]) : null;
        if (format is not { } known)
            throw new ImportException(files[0].Name, [new ImportError("file", $"cannot tell its format; choose one ({string.Join(", ", ImportFormats.ByName.Keys)})")]);
        if (known != ImportFormat.XArchive && files.Count > 1)
            throw new ImportException(files[1].Name, [new ImportError("file", "upload one file at a time, except for an X archive's tweets.js and account.js")]);

        var options = ImportFormats.NamesItsThread(known) ? null : ThreadOptions(files[0].Name);
        return known switch
        {
            ImportFormat.ScrapedPage => ScrapedPageImport.Read(files[0], options!) is var page ? (page.Document, page.Source, true) : default,
            ImportFormat.XArchive => (XArchiveReader.Read(
                files.Where(f => f != account).ToList(),
                account ?? throw new ImportException(files[0].Name, [new ImportError("data/account.js", "an X archive's tweets need its account.js too: upload both")]),
                options!), null, false),
            _ => (ImportFormats.Read(files[0], known, options), null, false),
        };
    }

    private PlatformImportOptions ThreadOptions(string file)
    {
        if (string.IsNullOrWhiteSpace(Input.Slug) || string.IsNullOrWhiteSpace(Input.Title))
            throw new ImportException(file, [new ImportError("thread", "this export names no thread: give the slug and title of the thread it goes into")]);
        return new PlatformImportOptions { Slug = Input.Slug, Title = Input.Title.Trim(), Clock = clock };
    }
}

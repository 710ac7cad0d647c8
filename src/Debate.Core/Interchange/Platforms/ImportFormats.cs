using System.Text.Json;

namespace Debate.Core.Interchange.Platforms;

/// <summary>The kinds of file an import takes.</summary>
public enum ImportFormat { DebateThread, ForumMagnum, XArchive, XApiV2, ScrapedPage }

/// <summary>
/// Tells an export's format from its content and reads it with the right reader, for the CLI's
/// `import` and the upload page alike.
/// </summary>
public static class ImportFormats
{
    /// <summary>The formats by the names people give them (`--format`).</summary>
    public static readonly IReadOnlyDictionary<string, ImportFormat> ByName = new Dictionary<string, ImportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["debate-thread"] = ImportFormat.DebateThread,
        ["forummagnum"] = ImportFormat.ForumMagnum,
        ["x-archive"] = ImportFormat.XArchive,
        ["x-api-v2"] = ImportFormat.XApiV2,
        ["page"] = ImportFormat.ScrapedPage,
    };

    public static string NameOf(ImportFormat format) => ByName.First(f => f.Value == format).Key;

    /// <summary>A debate-thread/1 file names its thread; a platform's export leaves the slug and title to the caller.</summary>
    public static bool NamesItsThread(ImportFormat format) => format == ImportFormat.DebateThread;

    /// <summary>The format of a folder (an unzipped X archive) or a file; null when nothing fits.</summary>
    public static async Task<ImportFormat?> DetectPathAsync(string path, CancellationToken cancellationToken = default) =>
        Directory.Exists(path) ? ImportFormat.XArchive : Detect(await ExportFile.ReadAsync(path, cancellationToken));

    /// <summary>
    /// The format of a file by the first names in it, so that a file cut short is still told apart (and
    /// then refused by its reader with the line it stops at); null when nothing fits.
    /// </summary>
    /// <exception cref="ImportException">The file is not UTF-8 text.</exception>
    public static ImportFormat? Detect(ExportFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = ExportJson.Decode(file.Content, file.Name).TrimStart();
        if (text.StartsWith("window.YTD.", StringComparison.Ordinal))
            return ImportFormat.XArchive;
        // A saved comment page is plain text: a .txt file that does not begin like JSON. Other text is not guessed.
        if (text.Length > 0 && text[0] is not ('{' or '[') && file.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return ImportFormat.ScrapedPage;
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
                return null;
            if (reader.TokenType == JsonTokenType.StartObject)
                return FromKeys(ref reader, inArray: false);
            // An array of comments, or of API pages.
            if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                return FromKeys(ref reader, inArray: true);
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // the file ends or breaks before any name says what it is
        }
    }

    private static ImportFormat? FromKeys(ref Utf8JsonReader reader, bool inArray)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            if (name == "data")
                return FromData(ref reader);
            var found = (name, inArray) switch
            {
                ("format" or "thread" or "posts" or "authors", false) => ImportFormat.DebateThread,
                ("_id" or "postedAt" or "htmlBody" or "contents" or "parentCommentId", true) => ImportFormat.ForumMagnum,
                ("includes" or "meta", _) => ImportFormat.XApiV2,
                _ => (ImportFormat?)null,
            };
            if (found is not null)
                return found;
            reader.Skip();
        }
        return null;
    }

    // ForumMagnum's data holds "comments"; the X API's holds tweets, or one tweet.
    private static ImportFormat? FromData(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            return null;
        if (reader.TokenType == JsonTokenType.StartArray)
            return ImportFormat.XApiV2;
        if (reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (reader.GetString())
            {
                case "comments":
                    return ImportFormat.ForumMagnum;
                case "id" or "text" or "author_id":
                    return ImportFormat.XApiV2;
                default:
                    reader.Skip();
                    break;
            }
        }
        return null;
    }

    /// <summary>Reads a file, or for an X archive its folder (a tweets.js stands for the folder it is in).</summary>
    /// <param name="options">The thread, for the formats that do not name one; see <see cref="NamesItsThread"/>.</param>
    public static async Task<ThreadDocument> ReadPathAsync(string path, ImportFormat format, PlatformImportOptions? options, CancellationToken cancellationToken = default)
    {
        if (format == ImportFormat.XArchive)
            return await XArchiveReader.ReadFolderAsync(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!, Thread(options, Path.GetFileName(path)), cancellationToken);
        if (Directory.Exists(path))
            throw new ImportException(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), [new ImportError("folder", $"a folder can only be an X archive, not {NameOf(format)}")]);
        return Read(await ExportFile.ReadAsync(path, cancellationToken), format, options);
    }

    /// <summary>Reads one file. An X archive needs two (tweets.js and account.js): use <see cref="XArchiveReader"/>.</summary>
    public static ThreadDocument Read(ExportFile file, ImportFormat format, PlatformImportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(file);
        return format switch
        {
            ImportFormat.DebateThread => ThreadDocumentReader.Read(file.Content, file.Name),
            ImportFormat.ForumMagnum => WithLines(file, () => ForumMagnumReader.Read(file.Content, file.Name, Thread(options, file.Name))),
            ImportFormat.XApiV2 => WithLines(file, () => XApiV2Reader.Read(file.Content, file.Name, Thread(options, file.Name))),
            ImportFormat.ScrapedPage => Rebuilding.ScrapedPageImport.Read(file, Thread(options, file.Name)).Document,
            _ => throw new ImportException(file.Name, [new ImportError("data/account.js", "an X archive's tweets need the archive's account.js too: read the archive's folder")]),
        };
    }

    /// <summary>A JSON export's faults with the lines they stand on (those naming the thread made of it keep their path alone).</summary>
    private static ThreadDocument WithLines(ExportFile file, Func<ThreadDocument> read)
    {
        try
        {
            return read();
        }
        catch (ImportException e)
        {
            throw new ImportException(e.File, JsonLines.Locate(System.Text.Encoding.UTF8.GetString(file.Content), e.Errors));
        }
    }

    private static PlatformImportOptions Thread(PlatformImportOptions? options, string file) =>
        options ?? throw new ImportException(file, [new ImportError("thread", "this export names no thread: give the slug and title of the thread it goes into")]);
}

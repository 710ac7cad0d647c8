namespace Debate.Core.Interchange.Platforms;

/// <summary>One file of an export, by the name faults are reported under, as uploaded or read from disk.</summary>
public sealed record ExportFile(string Name, byte[] Content)
{
    public static async Task<ExportFile> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        new(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken));
}

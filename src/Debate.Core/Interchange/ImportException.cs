namespace Debate.Core.Interchange;

/// <summary>One thing wrong with an input file, and where: a JSON path ("$.posts[3].parentId") or a line.</summary>
public sealed record ImportError(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>A file was refused whole; nothing of it was written.</summary>
public sealed class ImportException(string file, IReadOnlyList<ImportError> errors)
    : Exception($"{file}: " + string.Join("; ", errors.Take(5)) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""))
{
    public string File { get; } = file;
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

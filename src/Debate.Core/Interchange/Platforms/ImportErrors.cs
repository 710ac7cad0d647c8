namespace Debate.Core.Interchange.Platforms;

/// <summary>The faults found in one file so far: a reader notes them all, then refuses the file once.</summary>
internal sealed class ImportErrors(string file)
{
    private readonly List<ImportError> _errors = [];

    public string File => file;

    public int Count => _errors.Count;

    public void Add(string where, string message) => _errors.Add(new ImportError(where, message));

    /// <summary>Notes a fault that stops reading at once (the file is not of this format at all).</summary>
    public ImportException Fatal(string where, string message)
    {
        Add(where, message);
        return new ImportException(file, [.. _errors]);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new ImportException(file, [.. _errors]);
    }
}

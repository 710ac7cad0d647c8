namespace Debate.Core.Model;

/// <summary>
/// A word that occurs somewhere searchable (a post, a thread title, a report section), lower-cased and unstemmed:
/// the vocabulary that misspelt or run-together query words are matched against. Kept by database triggers on write.
/// </summary>
public sealed class SearchWord
{
    public required string Word { get; set; }
}

using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Model;

namespace Debate.Core.Reading;

public enum DiffKind { Same, Removed, Added }

/// <summary>A run of words that two revisions share, or that one of them alone has.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>A word-by-word diff of two revisions' texts, to read inline: every character of both texts appears once.</summary>
public static partial class RevisionDiff
{
    // Words, runs of whitespace and single punctuation marks, so that joining the pieces gives the text back.
    [GeneratedRegex(@"\s+|[\p{L}\p{N}_'’-]+|.", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private sealed class WordAndSpaceChunker : IChunker
    {
        public static readonly WordAndSpaceChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToList();
    }

    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordAndSpaceChunker.Instance);
        var pieces = new List<DiffPiece>();
        void Add(DiffKind kind, IEnumerable<string> words)
        {
            var text = string.Concat(words);
            if (text.Length == 0)
                return;
            if (pieces.Count > 0 && pieces[^1].Kind == kind)
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            else
                pieces.Add(new DiffPiece(kind, text));
        }

        var a = 0;
        foreach (DiffBlock block in result.DiffBlocks)
        {
            Add(DiffKind.Same, result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(DiffKind.Removed, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Added, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, result.PiecesOld.Skip(a));
        return Readable(pieces);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>
    /// A rewritten phrase shares small words with the old one ("that", "to", "this"): word by word it reads
    /// as a dozen scraps. One shared word between two changes is taken into both sides, so the reader sees
    /// the old phrase struck out and the new one after it.
    /// </summary>
    private static List<DiffPiece> Readable(List<DiffPiece> pieces)
    {
        var changes = new List<(string Removed, string Added)>();
        var result = new List<DiffPiece>();
        string? pendingSame = null;

        void Flush()
        {
            if (changes.Count == 0)
                return;
            var removed = string.Concat(changes.Select(c => c.Removed));
            var added = string.Concat(changes.Select(c => c.Added));
            if (removed.Length > 0)
                result.Add(new DiffPiece(DiffKind.Removed, removed));
            if (added.Length > 0)
                result.Add(new DiffPiece(DiffKind.Added, added));
            changes.Clear();
        }

        foreach (var piece in pieces)
        {
            if (piece.Kind == DiffKind.Same)
            {
                if (pendingSame is not null)
                {
                    Flush();
                    result.Add(new DiffPiece(DiffKind.Same, pendingSame));
                }
                pendingSame = piece.Text;
                continue;
            }
            if (pendingSame is not null)
            {
                if (changes.Count > 0 && Word().Count(pendingSame) <= 1)
                {
                    changes.Add((pendingSame, pendingSame));
                }
                else
                {
                    Flush();
                    result.Add(new DiffPiece(DiffKind.Same, pendingSame));
                }
                pendingSame = null;
            }
            changes.Add(piece.Kind == DiffKind.Removed ? (piece.Text, "") : ("", piece.Text));
        }
        Flush();
        if (pendingSame is not null)
            result.Add(new DiffPiece(DiffKind.Same, pendingSame));
        return result;
    }
}

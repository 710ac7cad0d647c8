using System.Runtime.CompilerServices;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Word-trigram postings over the first rendering. Quote, phrase and edited-wording searches ask it
/// for the few lines that share a rare trigram with the text sought, then verify those lines only;
/// that keeps a 10,000-line page far from comparing every pair of long paragraphs.
/// A large page has hundreds of thousands of trigrams, most seen once, so the postings are linked
/// lists threaded through two flat arrays (no list per trigram), newest line first: exactly the
/// "nearest earlier line first" order every search wants.
/// </summary>
internal sealed class TrigramIndex
{
    private const int RareTrigramsUsed = 3;

    private readonly long[][] _lineTrigrams;
    private readonly TrigramTable _termOf;            // trigram → term number
    private readonly int[] _head;                     // term → its newest posting
    private readonly int[] _count;                    // term → how many lines hold it
    private readonly int[] _postingLine;
    private readonly int[] _nextPosting;              // the same term's previous (older) posting, or -1

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public TrigramIndex(PageLines page, int end)
    {
        _lineTrigrams = new long[page.Count][];
        var total = 0;
        for (var line = 0; line < page.Count; line++)
        {
            _lineTrigrams[line] = line < end && !page.IsBlank(line) ? Trigrams(page.Words(line)) : [];
            total += _lineTrigrams[line].Length;
        }

        _termOf = new TrigramTable(total);
        _head = new int[total];
        _count = new int[total];
        _postingLine = new int[total];
        _nextPosting = new int[total];
        var postings = 0;
        for (var line = 0; line < page.Count; line++)
        {
            foreach (var trigram in _lineTrigrams[line])
            {
                postings = AddPosting(trigram, line, postings);
            }
        }
    }

    /// <summary>The trigrams of an indexed line.</summary>
    public long[] TrigramsOf(int line) => _lineTrigrams[line];

    /// <summary>
    /// The trigram keys of a sequence of word hashes (a repeated trigram appears twice): a mix of
    /// the three hashes, kept non-negative for <see cref="TrigramTable"/>. A collision merely adds a
    /// candidate line that verification then drops.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public static long[] Trigrams(long[] words)
    {
        if (words.Length < 3)
        {
            return [];
        }

        var trigrams = new long[words.Length - 2];
        for (var i = 0; i + 2 < words.Length; i++)
        {
            var mixed = unchecked((words[i] * -7046029254386353131L) ^ (words[i + 1] * 0x5851F42D4C957F2DL) ^ words[i + 2]);
            trigrams[i] = mixed & long.MaxValue;
        }

        return trigrams;
    }

    /// <summary>
    /// Lines before <paramref name="before"/> holding at least one of the rarest trigrams of the text,
    /// nearest first. Text contained in a line shares all its trigrams with it; using three rare ones
    /// keeps a single spacing slip ("toachieve") from hiding the line.
    /// </summary>
    public List<int> CandidatesContaining(long[] trigrams, int before, int limit)
    {
        var candidates = new List<int>();
        foreach (var term in RarestTerms(trigrams))
        {
            var taken = 0;
            for (var p = _head[term]; p >= 0 && taken < limit; p = _nextPosting[p])
            {
                if (_postingLine[p] < before)
                {
                    candidates.Add(_postingLine[p]);
                    taken++;
                }
            }
        }

        candidates.Sort((a, b) => b.CompareTo(a));
        var distinct = new List<int>(Math.Min(limit, candidates.Count));
        foreach (var line in candidates)
        {
            if (distinct.Count == limit)
            {
                break;
            }

            if (distinct.Count == 0 || distinct[^1] != line)
            {
                distinct.Add(line);
            }
        }

        return distinct;
    }

    /// <summary>
    /// The earlier line sharing the most trigrams with the text, and how many it shares. Common
    /// trigrams are skipped: they say nothing about which line a text comes from.
    /// </summary>
    public (int Line, int Shared) BestOverlap(long[] trigrams, int before, int maxPostings = 16)
    {
        var shared = new Dictionary<int, int>();
        foreach (var trigram in trigrams)
        {
            var term = _termOf.Find(trigram);
            if (term < 0 || _count[term] > maxPostings)
            {
                continue;
            }

            for (var p = _head[term]; p >= 0; p = _nextPosting[p])
            {
                if (_postingLine[p] < before)
                {
                    shared[_postingLine[p]] = shared.GetValueOrDefault(_postingLine[p]) + 1;
                }
            }
        }

        var best = (Line: -1, Shared: 0);
        foreach (var (line, count) in shared)
        {
            if (count > best.Shared || (count == best.Shared && line > best.Line))
            {
                best = (line, count);
            }
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    private int AddPosting(long trigram, int line, int postings)
    {
        var term = _termOf.FindOrAdd(trigram, out var added);
        if (added)
        {
            _head[term] = -1;
        }
        else if (_postingLine[_head[term]] == line)
        {
            return postings; // the trigram repeats within the line
        }

        _postingLine[postings] = line;
        _nextPosting[postings] = _head[term];
        _head[term] = postings;
        _count[term]++;
        return postings + 1;
    }

    /// <summary>The terms of the (up to three) rarest trigrams of the text that the index holds.</summary>
    private List<int> RarestTerms(long[] trigrams)
    {
        var rarest = new List<int>(RareTrigramsUsed + 1);
        foreach (var trigram in trigrams)
        {
            var term = _termOf.Find(trigram);
            if (term < 0 || rarest.Contains(term)
                || (rarest.Count == RareTrigramsUsed && _count[term] >= _count[rarest[^1]]))
            {
                continue;
            }

            var at = rarest.FindIndex(r => _count[r] > _count[term]);
            rarest.Insert(at < 0 ? rarest.Count : at, term);
            if (rarest.Count > RareTrigramsUsed)
            {
                rarest.RemoveAt(rarest.Count - 1);
            }
        }

        return rarest;
    }
}

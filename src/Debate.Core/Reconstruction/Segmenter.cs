namespace Debate.Core.Reconstruction;

/// <summary>A run of first-rendering lines taken for one comment, from its first line on.</summary>
internal sealed record Segment(int Start, double Confidence);

/// <summary>The first rendering cut into comments: segments in order, and each line's segment (-1 if none).</summary>
internal sealed record Segmentation(IReadOnlyList<Segment> Segments, int[] SegmentOf);

/// <summary>
/// Cuts the first rendering into comments, reading it once from the top. Besides the static
/// <see cref="BoundaryCues"/> it weighs who quotes whom, which depends on the cut so far:
/// <list type="bullet">
/// <item>nobody quotes their own comment, so a quote of the comment being read starts a new one
/// (or, when a colon line introduces it, the new one starts with that introduction);</item>
/// <item>a quote of the parent of the comment being read continues it (a point-by-point reply);</item>
/// <item>a quote of any other comment starts a reply to that comment, unless a colon line
/// introduces it;</item>
/// <item>an inline quote (“…”) of the comment being read means a reply has begun since.</item>
/// </list>
/// </summary>
internal sealed class Segmenter
{
    public const double NewCommentThreshold = 2.0;
    private const double QuoteOfOtherComment = 2.0;
    private const double PreferQuoteStart = 1.5;          // a reply usually opens with its quote
    private const double PreferIntroductionStart = 0.25;  // ...or with the own lines leading into it
    private const double PreferQuotingLine = 0.1;
    private const double SelfQuoteConfidence = 0.9;
    private const double InlineQuoteConfidence = 0.7;
    private const int MaxLookBack = 500;                  // bounds the search for a forced boundary
    private const int MinInlineQuoteWords = 5;

    private readonly PageLines _page;
    private readonly LineClassification _lines;
    private readonly BoundaryCues _cues;
    private readonly TextSearch _search;
    private readonly List<int> _order = [];
    private readonly int[] _position;
    private readonly List<int> _starts = [];
    private readonly List<int> _parents = [];          // tentative: only the cut uses them
    private readonly List<double> _confidence = [];
    private HashSet<int> _blockSources = [];

    private Segmenter(PageLines page, int end, LineClassification lines, BoundaryCues cues, TextSearch search)
    {
        _page = page;
        _lines = lines;
        _cues = cues;
        _search = search;
        _position = new int[page.Count];
        Array.Fill(_position, -1);
        for (var line = 0; line < end; line++)
        {
            if (!page.IsBlank(line))
            {
                _position[line] = _order.Count;
                _order.Add(line);
            }
        }
    }

    public static Segmentation Segment(PageLines page, int end, LineClassification lines, BoundaryCues cues, TextSearch search)
    {
        var segmenter = new Segmenter(page, end, lines, cues, search);
        segmenter.Run();
        return segmenter.Result();
    }

    private int Current => _starts.Count - 1;

    private void Run()
    {
        for (var p = 0; p < _order.Count; p++)
        {
            var line = _order[p];
            if (p == 0)
            {
                StartComment(0, parent: -1, confidence: 0.95);
                continue;
            }

            var role = _lines.Roles[line];
            if (role == LineRole.Quote)
            {
                ReadQuote(p);
                continue;
            }

            _blockSources = [];
            StartCommentIfCued(p, _cues.Score[line], parent: Current);

            if (role == LineRole.Own)
            {
                ApplyInlineQuotes(p);
            }
        }
    }

    /// <summary>
    /// Consecutive quote lines with a comment in common form one block (a quote of a quote may stand
    /// in several comments); the block's first line decides what the block says about boundaries.
    /// </summary>
    private void ReadQuote(int p)
    {
        var line = _order[p];
        var occurrences = _lines.Matches[line]!.Occurrences;
        var sources = occurrences.Select(o => SegmentAt(_position[o])).ToHashSet();
        if (_lines.Roles[_order[p - 1]] == LineRole.Quote && _blockSources.Overlaps(sources))
        {
            _blockSources.IntersectWith(sources);
            return;
        }

        var current = Current;
        if (sources.Contains(current) && RepeatsOwnQuote(p, occurrences, current))
        {
            sources.Remove(current);
        }

        _blockSources = sources;
        if (sources.Contains(current))
        {
            StartReplyToCurrent(p, occurrences, current);
        }
        else if (sources.Contains(_parents[current]))
        {
            // Continues a point-by-point reply, unless other cues insist (a sibling quoting the same parent).
            StartCommentIfCued(p, _cues.Score[line], _parents[current]);
        }
        else if (sources.Count > 0)
        {
            var nearest = occurrences.Select(o => SegmentAt(_position[o])).First(sources.Contains);
            StartCommentIfCued(p, _cues.Score[line] + QuoteOfOtherComment, nearest);
        }
    }

    /// <summary>
    /// The comment being read cannot quote itself: a reply to it starts somewhere after the quoted
    /// line, at the quote itself unless a colon line introduces the quote.
    /// </summary>
    private void StartReplyToCurrent(int p, IReadOnlyList<int> occurrences, int current)
    {
        var lastQuoted = occurrences.Where(o => SegmentAt(_position[o]) == current).Max(o => _position[o]);
        PlaceRequiredBoundary(
            lastQuoted + 1, p, PreferQuoteStart, preferIntroduction: true, parent: current, SelfQuoteConfidence);
    }

    private void StartCommentIfCued(int p, double score, int parent)
    {
        if (score >= NewCommentThreshold && !_cues.Forbidden[_order[p]])
        {
            StartComment(p, parent, Confidence(score));
        }
    }

    /// <summary>
    /// A line introduced by a colon that repeats only text the comment being read already quoted
    /// ("Deceptive model:" + the formula quoted above) restates that quote: it is no quote of the
    /// comment itself, so it does not open a new comment.
    /// </summary>
    private bool RepeatsOwnQuote(int p, IReadOnlyList<int> occurrences, int current) =>
        TextNormalizer.EndsWithColon(_page.Text[_order[p - 1]])
        && occurrences.Where(o => SegmentAt(_position[o]) == current).All(o => _lines.Roles[o] == LineRole.Quote);

    /// <summary>
    /// An own line quoting, in quotation marks, a phrase of five words or more found only in own
    /// lines of the comment being read: a reply has begun. A phrase found elsewhere too, or a
    /// shorter one, is more likely a term of the debate than a quote.
    /// </summary>
    private void ApplyInlineQuotes(int p)
    {
        var line = _order[p];
        var currentStart = _starts[Current];
        foreach (var quote in _search.InlineQuotesOf(line))
        {
            var occurrences = quote.Occurrences;
            var onlyInCurrent = quote.Words >= MinInlineQuoteWords
                && occurrences.All(o => _lines.Roles[o] == LineRole.Own && _position[o] >= currentStart);
            var after = _position[occurrences[0]] + 1;
            if (onlyInCurrent
                && PlaceRequiredBoundary(after, p, PreferQuotingLine, preferIntroduction: false, parent: Current, InlineQuoteConfidence))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Starts a comment at the best position in [<paramref name="from"/>, <paramref name="to"/>]
    /// within the comment being read: highest boundary score, with small preferences for the
    /// quote itself and for the start of the own lines that lead into it.
    /// </summary>
    private bool PlaceRequiredBoundary(int from, int to, double toBonus, bool preferIntroduction, int parent, double confidence)
    {
        from = Math.Max(Math.Max(from, _starts[Current] + 1), to - MaxLookBack);
        var introduction = preferIntroduction ? IntroductionStart(from, to) : -1;
        int best = -1;
        var bestScore = double.NegativeInfinity;
        for (var q = from; q <= to; q++)
        {
            var line = _order[q];
            if (_cues.Forbidden[line])
            {
                continue;
            }

            var score = _cues.Score[line] + (q == to ? toBonus : 0) + (q == introduction ? PreferIntroductionStart : 0);
            if (score > bestScore)
            {
                (best, bestScore) = (q, score);
            }
        }

        if (best < 0)
        {
            return false;
        }

        StartComment(best, parent, confidence);
        return true;
    }

    /// <summary>The first of the own lines that immediately precede position <paramref name="to"/>, or -1.</summary>
    private int IntroductionStart(int from, int to)
    {
        var start = -1;
        for (var q = to - 1; q >= from && _lines.Roles[_order[q]] == LineRole.Own; q--)
        {
            start = q;
        }

        return start;
    }

    private void StartComment(int position, int parent, double confidence)
    {
        _starts.Add(position);
        _parents.Add(parent);
        _confidence.Add(confidence);
    }

    /// <summary>The segment holding position <paramref name="position"/> (segments are contiguous and in order).</summary>
    private int SegmentAt(int position)
    {
        int lo = 0, hi = _starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_starts[mid] <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private Segmentation Result()
    {
        var segmentOf = new int[_page.Count];
        Array.Fill(segmentOf, -1);
        var segments = new List<Segment>(_starts.Count);
        for (var s = 0; s < _starts.Count; s++)
        {
            var end = s + 1 < _starts.Count ? _starts[s + 1] : _order.Count;
            for (var q = _starts[s]; q < end; q++)
            {
                segmentOf[_order[q]] = s;
            }

            segments.Add(new Segment(_order[_starts[s]], _confidence[s]));
        }

        return new Segmentation(segments, segmentOf);
    }

    /// <summary>Maps a boundary score to a probability-like confidence (score 2 ≈ 0.73, score 4 ≈ 0.95).</summary>
    internal static double Confidence(double score) => Math.Round(1.0 / (1.0 + Math.Exp(-(score - 1.0))), 3);
}

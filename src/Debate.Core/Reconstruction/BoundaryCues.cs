namespace Debate.Core.Reconstruction;

/// <summary>
/// Evidence, for each first-rendering line, that a new comment starts there, as a score in rough
/// log-odds (positive: a boundary; negative: a continuation), plus hard bans. These are the cues
/// that do not depend on how earlier lines were grouped; quote cues, which do, live in the
/// <see cref="Segmenter"/>.
/// </summary>
internal sealed class BoundaryCues
{
    /// <summary>Weights of the cues, in one place so that their balance can be read and tuned.</summary>
    internal static class Weights
    {
        // The second rendering dropped paragraphs here (footnotes, collapsed short replies): the
        // comment before them ends. Dropped headings ("Tweet 2:") are weaker: they can sit mid-comment.
        public const double DroppedParagraphs = 2.5;
        public const double DroppedHeadings = 1.0;

        // The second rendering lists own lines in another order here: a comment ends or starts.
        public const double RenderingOrderBreak = 3.0;

        // "…as follows:" introduces what comes next, in the same comment.
        public const double IntroducedByColon = -3.0;

        public const double ReplyOpener = 1.5;          // "Wait, …", "Good point.", "Thanks for …"
        public const double ContinuationOpener = -1.0;  // "And …", "Also, …", "(…"
        public const double LowerCaseStart = -1.5;      // a list item or a sentence carried over

        // A paragraph ending with a question hands the turn to the other side, more so when it asks "you".
        public const double EndsWithQuestion = 1.5;
        public const double QuestionToReader = 0.5;

        // The next paragraph takes up the words of a question just asked: an answer.
        public const double AnswersQuestion = 1.5;
    }

    private BoundaryCues(double[] score, bool[] forbidden)
    {
        Score = score;
        Forbidden = forbidden;
    }

    public double[] Score { get; }

    /// <summary>Lines that cannot start a comment: the second rendering shows them merged with the line before.</summary>
    public bool[] Forbidden { get; }

    public static BoundaryCues Compute(PageLines page, SecondRendering second, LineRole[] roles)
    {
        var cues = new BoundaryCues(new double[page.Count], new bool[page.Count]);
        cues.AddSecondRenderingCues(page, second);
        cues.AddTextCues(page, second.Start, roles);
        return cues;
    }

    private void AddSecondRenderingCues(PageLines page, SecondRendering second)
    {
        if (!second.Exists)
        {
            return;
        }

        var previousEnd = -1;
        var droppedRun = 0;
        var droppedHeadingsOnly = true;
        for (var line = second.Start; line < page.Count; line++)
        {
            if (page.IsBlank(line))
            {
                continue;
            }

            var rendered = second.RendersOf(line);
            if (rendered.Count == 0)
            {
                droppedRun++;
                droppedHeadingsOnly &= DiscourseCues.IsHeading(page.Text[line]);
                continue;
            }

            for (var k = 1; k < rendered.Count; k++)
            {
                Forbidden[rendered[k]] = true;
            }

            if (previousEnd >= 0)
            {
                if (droppedRun > 0)
                {
                    AddBetween(page, second.Start, previousEnd, rendered[0],
                        droppedHeadingsOnly ? Weights.DroppedHeadings : Weights.DroppedParagraphs);
                }

                if (BreaksOrder(previousEnd, rendered[0], second))
                {
                    // Both ends of the break are comment edges: after the line left, and at the line reached.
                    var after = AddBetween(page, second.Start, previousEnd, rendered[0], Weights.RenderingOrderBreak);
                    if (after != rendered[0])
                    {
                        Score[rendered[0]] += Weights.RenderingOrderBreak;
                    }
                }
            }

            previousEnd = rendered[^1];
            droppedRun = 0;
            droppedHeadingsOnly = true;
        }
    }

    /// <summary>
    /// Consecutive own lines of one comment stay consecutive in the second rendering; going back,
    /// or skipping an own line that it renders elsewhere, marks the end of a comment.
    /// </summary>
    private static bool BreaksOrder(int previous, int next, SecondRendering second) =>
        next <= previous || second.RenderedBetween(previous + 1, next) > 0;

    /// <summary>
    /// A boundary between own lines <paramref name="before"/> and <paramref name="after"/>: the lines
    /// in between are quotes or embeds, which open the next comment unless the line before
    /// introduced them with a colon.
    /// </summary>
    private int AddBetween(PageLines page, int end, int before, int after, double weight)
    {
        var position = TextNormalizer.EndsWithColon(page.Text[before]) ? after : page.NextNonBlank(before, end);
        if (position >= 0)
        {
            Score[position] += weight;
        }

        return position;
    }

    private void AddTextCues(PageLines page, int end, LineRole[] roles)
    {
        var previous = -1;
        for (var line = 0; line < end; line++)
        {
            if (page.IsBlank(line))
            {
                continue;
            }

            if (previous >= 0)
            {
                var bothOwn = roles[previous] == LineRole.Own && roles[line] == LineRole.Own;
                Score[line] += TextCue(page.Text[previous], page.Text[line], bothOwn);
            }

            previous = line;
        }
    }

    private static double TextCue(string previous, string current, bool bothOwn)
    {
        var score = 0.0;
        if (TextNormalizer.EndsWithColon(previous))
        {
            score += Weights.IntroducedByColon;
        }

        // Openers only speak between two own paragraphs: right after a quote, "No, …" answers the
        // quote inside the same comment.
        if (!bothOwn)
        {
            return score;
        }

        score += DiscourseCues.Opening(current) switch
        {
            Opener.Reply => Weights.ReplyOpener,
            Opener.Continuation => Weights.ContinuationOpener,
            _ => 0,
        };

        if (DiscourseCues.StartsLowerCase(current))
        {
            score += Weights.LowerCaseStart;
        }

        if (TextNormalizer.EndsWithQuestion(previous))
        {
            score += Weights.EndsWithQuestion;
            var sentences = TextNormalizer.Sentences(previous);
            if (sentences.Count > 0 && DiscourseCues.AddressesReader(sentences[^1]))
            {
                score += Weights.QuestionToReader;
            }
        }

        if (AnswersQuestion(previous, current))
        {
            score += Weights.AnswersQuestion;
        }

        return score;
    }

    /// <summary>
    /// The first sentence of <paramref name="current"/> repeats a content phrase (a word trigram with
    /// two words of four letters or more) of a question asked in <paramref name="previous"/>.
    /// </summary>
    private static bool AnswersQuestion(string previous, string current)
    {
        if (!previous.Contains('?'))
        {
            return false;
        }

        var questions = TextNormalizer.Sentences(previous).Where(TextNormalizer.EndsWithQuestion).ToList();
        var currentSentences = TextNormalizer.Sentences(current);
        if (questions.Count == 0 || currentSentences.Count == 0)
        {
            return false;
        }

        var answerPhrases = ContentTrigrams(currentSentences[0]).ToHashSet();
        return questions.Any(question => ContentTrigrams(question).Any(answerPhrases.Contains));
    }

    private static IEnumerable<string> ContentTrigrams(string sentence)
    {
        var tokens = TextNormalizer.Tokens(sentence);
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            var longWords = (tokens[i].Length >= 4 ? 1 : 0) + (tokens[i + 1].Length >= 4 ? 1 : 0) + (tokens[i + 2].Length >= 4 ? 1 : 0);
            if (longWords >= 2)
            {
                yield return $"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]}";
            }
        }
    }
}

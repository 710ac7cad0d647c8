namespace Debate.Core.Reconstruction;

/// <summary>How a paragraph opens, relative to the paragraph before it.</summary>
internal enum Opener
{
    None,
    Reply,
    Continuation,
}

/// <summary>
/// Weak, language-level cues about how a paragraph relates to the one before it. They are the
/// ordinary openers of English conversation, not phrases of any particular page, and they only
/// ever nudge a decision that structure leaves open.
/// </summary>
internal static class DiscourseCues
{
    private const int OpenerWindow = 48; // openers are short: the first few dozen characters decide

    // Interjections that open a reply ("Wait, where?", "Yes, ...", "No. ..."): they must be followed
    // by punctuation, so that "No one thinks" or "Sure enough" do not count.
    private static readonly string[] ReplyInterjections =
    [
        "wait", "yes", "yeah", "yep", "no", "nope", "sure", "right", "agreed", "thanks", "hmm", "oh",
        "ah", "huh", "ok", "okay", "exactly", "correct", "fair",
    ];

    // Phrases that open a reply whatever follows them.
    private static readonly string[] ReplyPhrases =
    [
        "good point", "fair point", "fair enough", "i disagree", "i agree", "thank you", "thanks for",
        "makes sense", "i'm confused", "i am confused", "i'm not sure what you mean", "what do you mean",
        "i don't follow", "to clarify",
    ];

    // Openers that continue a train of thought rather than answer someone.
    private static readonly string[] ContinuationPhrases =
    [
        "and", "but", "so", "also", "anyway", "anyways", "e.g", "i.e", "for example", "for instance",
        "similarly", "moreover", "furthermore", "however", "in particular", "that said", "then", "finally",
        "because", "specifically", "in contrast", "likewise", "additionally", "besides", "thus", "therefore",
        "hence", "or", "plus", "relatedly", "secondly", "thirdly", "firstly", "instead", "meanwhile",
        "otherwise", "again", "in other words", "as a consequence", "as a result", "on the other hand",
    ];

    public static bool OpensReply(string paragraph) => Opening(paragraph) == Opener.Reply;

    public static Opener Opening(string paragraph)
    {
        if (paragraph.TrimStart().StartsWith('('))
        {
            return Opener.Continuation; // an aside continues the paragraph before it
        }

        var text = Beginning(paragraph);
        if (text.StartsWith('@')
            || ReplyInterjections.Any(word => StartsWithWord(text, word, requirePunctuation: true))
            || ReplyPhrases.Any(phrase => StartsWithWord(text, phrase, requirePunctuation: false)))
        {
            return Opener.Reply;
        }

        return ContinuationPhrases.Any(phrase => StartsWithWord(text, phrase, requirePunctuation: false))
            ? Opener.Continuation
            : Opener.None;
    }

    /// <summary>A paragraph starting in lower case continues a sentence or a list of the one before.</summary>
    public static bool StartsLowerCase(string paragraph)
    {
        var first = FirstSignificant(paragraph);
        return first < paragraph.Length && char.IsLower(paragraph[first]);
    }

    /// <summary>The sentence speaks to the reader ("Can you ...?"): a question for the other side.</summary>
    public static bool AddressesReader(string sentence)
    {
        var words = TextNormalizer.Tokens(sentence);
        return words.Contains("you") || words.Contains("your");
    }

    /// <summary>Short lines such as "Tweet 2:" or "Summary:" that head content rather than say something.</summary>
    public static bool IsHeading(string paragraph) =>
        TextNormalizer.EndsWithColon(paragraph) && TextNormalizer.WordCount(paragraph) <= 8;

    /// <summary>The lower-cased start of the paragraph, opening quotes and brackets skipped, apostrophes unified.</summary>
    private static string Beginning(string paragraph)
    {
        var start = FirstSignificant(paragraph);
        var length = Math.Min(paragraph.Length - start, OpenerWindow);
        return string.Create(length, (paragraph, start), static (buffer, state) =>
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                var ch = state.paragraph[state.start + i];
                buffer[i] = ch == '’' ? '\'' : char.ToLowerInvariant(ch);
            }
        });
    }

    /// <summary>Index of the first character that is not whitespace, an opening quote or a bracket.</summary>
    private static int FirstSignificant(string paragraph)
    {
        var start = 0;
        while (start < paragraph.Length && IsOpening(paragraph[start]))
        {
            start++;
        }

        return start;
    }

    private static bool IsOpening(char ch) => TextNormalizer.IsQuoteCharacter(ch) || ch is '(' or '[' || char.IsWhiteSpace(ch);

    private static bool StartsWithWord(string text, string word, bool requirePunctuation)
    {
        if (!text.StartsWith(word, StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Length == word.Length)
        {
            return true;
        }

        var next = text[word.Length];
        return requirePunctuation
            ? next is ',' or '.' or '!' or '?' or ';' or ':' or '—' or '–' or '-'
            : !char.IsLetterOrDigit(next);
    }
}

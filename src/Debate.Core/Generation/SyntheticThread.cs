using System.Globalization;
using System.Text;
using System.Text.Json;
using Debate.Core.Interchange;
using Debate.Core.Model;

namespace Debate.Core.Generation;

/// <summary>
/// Generated threads shaped like real forum threads, for measuring imports and queries at scale: replies
/// mostly to recent posts, a third of replies quoting their parent with an anchored quote, Markdown with
/// links and footnotes, some edited posts, claim tags, authors with accounts on several platforms, and
/// provenance. The same seed gives the same thread, byte for byte.
/// </summary>
public sealed class SyntheticThread
{
    private static readonly string[] Words =
    [
        "model", "training", "gradient", "descent", "scheming", "deceptive", "alignment", "goal", "reward", "policy",
        "argument", "counting", "prior", "simplicity", "speed", "selection", "pressure", "behaviour", "evidence", "claim",
        "objective", "proxy", "mesa", "optimiser", "inner", "outer", "situational", "awareness", "oversight", "evaluation",
        "capability", "generalisation", "distribution", "shift", "hypothesis", "likely", "unlikely", "because", "however", "therefore",
        "the", "a", "of", "to", "in", "that", "is", "not", "this", "we", "it", "would", "could", "should", "seems", "think",
        "report", "section", "paper", "author", "thread", "reply", "point", "view", "case", "reason", "example", "question",
        "strong", "weak", "clear", "unclear", "important", "small", "large", "early", "late", "general", "specific", "long",
        "term", "power", "seeking", "corrigible", "honest", "useful", "risk", "safety", "research", "data", "test", "result",
    ];

    /// <summary>How many made-up words ("kalomi", "tropefro") make the long tail of the generated text's vocabulary.</summary>
    public const int VocabularySize = 8_000;

    private static readonly string[] Syllables = ["ka", "lo", "mi", "nu", "pe", "ri", "so", "ta", "vu", "ze", "bra", "cle", "dri", "fro", "glu", "pla", "sti", "tro", "wen", "yor"];

    private static readonly (Platform Platform, string Site)[] Platforms =
    [
        (Platform.LessWrong, "https://www.lesswrong.com"),
        (Platform.AlignmentForum, "https://www.alignmentforum.org"),
        (Platform.EaForum, "https://forum.effectivealtruism.org"),
        (Platform.Twitter, "https://x.com"),
    ];

    private const int TagCount = 24;
    private static readonly DateTimeOffset Epoch = new(2023, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly int _authorCount;

    /// <param name="seed">The same seed gives the same threads.</param>
    /// <param name="authorCount">The pool of authors posts are drawn from (shared by all threads of one seed).</param>
    public SyntheticThread(int seed, int authorCount)
    {
        _random = new Random(seed);
        _authorCount = Math.Max(2, authorCount);
    }

    /// <summary>A thread of <paramref name="postCount"/> posts; <paramref name="key"/> keeps its external ids apart from other threads'.</summary>
    public ThreadDocument Thread(string slug, string title, int postCount, string key)
    {
        var posts = new List<PostInfo>(postCount);
        var depths = new List<int>(postCount);
        var firstParagraphs = new List<string>(postCount);
        var authors = new SortedDictionary<int, AuthorInfo>();
        var tags = new SortedDictionary<int, TagInfo>();
        var at = Epoch.AddDays(_random.Next(0, 700));
        for (var i = 0; i < postCount; i++)
        {
            at = at.AddSeconds(_random.Next(20, 900));
            var parent = ParentOf(i, depths);
            depths.Add(parent is { } p ? depths[p] + 1 : 0);
            var authorNumber = _random.Next(_authorCount);
            var author = authors.TryGetValue(authorNumber, out var known) ? known : authors[authorNumber] = Author(authorNumber);
            var first = Sentence(14, 32);
            firstParagraphs.Add(first);

            var quotes = new List<QuoteInfo>();
            var body = new StringBuilder();
            // About a third of replies quote words of their parent's first paragraph, which renders as the start of its plain text.
            if (parent is { } source && _random.NextDouble() < 0.34 && QuoteOf(posts[source], firstParagraphs[source]) is { } quote)
            {
                quotes.Add(quote);
                body.Append("> ").Append(quote.Exact).Append("\n\n");
            }
            body.Append(first);
            if (_random.NextDouble() < 0.6)
                body.Append("\n\n").Append(Paragraph());
            var text = body.ToString();
            var ownStart = OwnTextStart(quotes);

            var revisions = new List<RevisionInfo>();
            if (_random.NextDouble() < 0.05)
                revisions.Add(new RevisionInfo { Number = 1, Body = text + "\n\n" + Sentence(4, 10) });
            revisions.Add(new RevisionInfo { Number = revisions.Count + 1, Body = text, EditedAt = revisions.Count > 0 ? at.AddMinutes(_random.Next(5, 600)) : null });

            var claims = new List<ClaimInfo>();
            // The span's context stays inside the first paragraph, whose plain text is known without rendering.
            if (_random.NextDouble() < 0.04 && WordSpan(first, 3, 8) is var (start, end) && end + 32 <= first.Length)
            {
                var tag = _random.Next(TagCount);
                tags.TryAdd(tag, Tag(tag));
                claims.Add(new ClaimInfo
                {
                    Tag = tags[tag].Name,
                    Stance = (Stance)_random.Next(4),
                    Exact = first[start..end],
                    Prefix = first[Math.Max(0, start - 32)..start],
                    Suffix = first[end..Math.Min(first.Length, end + 32)],
                    Start = ownStart + start,
                    End = ownStart + end,
                    Revision = revisions.Count,
                });
                // The spans sit at the same place in every revision: an edit only adds a sentence at the end.
                if (ownStart > 0)
                    claims[0] = claims[0] with { Prefix = Prefix(LeadingQuote(quotes) + first, ownStart + start) };
            }

            var account = author.Accounts[_random.Next(author.Accounts.Count)];
            var externalId = $"{key}-{i}";
            posts.Add(new PostInfo
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                ParentId = parent?.ToString(CultureInfo.InvariantCulture),
                AuthorId = author.Id,
                PostedAt = at,
                Body = text,
                Revisions = revisions,
                Provenance =
                [
                    new ProvenanceInfo
                    {
                        Platform = account.Platform,
                        Url = $"{account.Url}/{externalId}",
                        ExternalId = externalId,
                        AuthorHandle = account.Handle,
                        CapturedAt = at.AddDays(30),
                    },
                ],
                Quotes = quotes,
                Claims = claims,
            });
        }
        return new ThreadDocument
        {
            Format = ThreadDocument.FormatName,
            Thread = new ThreadInfo { Slug = slug, Title = title, Sources = [new SourceInfo { Platform = Platform.Arxiv, Url = $"https://arxiv.org/abs/{key}" }] },
            Authors = [.. authors.Values],
            Tags = [.. tags.Values],
            Posts = posts,
        };
    }

    /// <summary>
    /// The same thread as X API v2 JSONL: pages of 100 tweets, one a line, each with its authors in
    /// includes.users; replies by replied_to, and a third of them quote tweets of their parent.
    /// </summary>
    public void WriteXApiPages(Stream output, int postCount, string key)
    {
        ArgumentNullException.ThrowIfNull(output);
        var depths = new List<int>(postCount);
        var at = Epoch.AddDays(_random.Next(0, 700));
        var conversation = TweetId(key, 0);
        using var writer = new Utf8JsonWriter(output);
        for (var page = 0; page * 100 < postCount; page++)
        {
            var users = new SortedSet<int>();
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            for (var i = page * 100; i < Math.Min(postCount, (page + 1) * 100); i++)
            {
                at = at.AddSeconds(_random.Next(5, 300));
                var parent = ParentOf(i, depths);
                depths.Add(parent is { } p ? depths[p] + 1 : 0);
                var user = _random.Next(_authorCount);
                users.Add(user);
                writer.WriteStartObject();
                writer.WriteString("id", TweetId(key, i));
                writer.WriteString("text", Sentence(6, 40));
                writer.WriteString("author_id", UserId(user));
                writer.WriteString("conversation_id", conversation);
                writer.WriteString("created_at", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                if (parent is { } replyTo)
                {
                    writer.WriteStartArray("referenced_tweets");
                    WriteReference(writer, "replied_to", TweetId(key, replyTo));
                    if (_random.NextDouble() < 0.34)
                        WriteReference(writer, "quoted", TweetId(key, replyTo));
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartObject("includes");
            writer.WriteStartArray("users");
            foreach (var user in users)
            {
                writer.WriteStartObject();
                writer.WriteString("id", UserId(user));
                writer.WriteString("username", Handle(user));
                writer.WriteString("name", DisplayName(user));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    private static void WriteReference(Utf8JsonWriter writer, string type, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }

    /// <summary>Tweet-like numeric ids, apart for each key (a stable hash: string.GetHashCode changes from run to run).</summary>
    private static string TweetId(string key, int index)
    {
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return (1_700_000_000_000_000_000L + hash % 1_000_000 * 1_000_000L + index).ToString(CultureInfo.InvariantCulture);
    }

    private static string UserId(int user) => (10_000_000 + user).ToString(CultureInfo.InvariantCulture);

    /// <summary>Replies go mostly to recent posts, so the tree grows deep in places and wide in others; some posts start a new branch.</summary>
    private int? ParentOf(int index, List<int> depths)
    {
        if (index == 0 || _random.NextDouble() < 0.12)
            return null;
        var back = (int)(index * Math.Pow(_random.NextDouble(), 4));
        var parent = index - 1 - back;
        return depths[parent] >= 24 ? null : parent;
    }

    private QuoteInfo? QuoteOf(PostInfo source, string firstParagraph)
    {
        var offset = OwnTextStart(source.Quotes);
        var text = LeadingQuote(source.Quotes) + firstParagraph;
        var (start, end) = WordSpan(firstParagraph, 3, 10);
        // Keep the suffix inside the first paragraph, whose rendering is known without rendering the post.
        if (end + 32 > firstParagraph.Length)
            return null;
        return new QuoteInfo
        {
            SourcePostId = source.Id,
            SourceRevision = source.Revisions.Count,
            Exact = firstParagraph[start..end],
            Prefix = Prefix(text, offset + start),
            Suffix = firstParagraph[end..(end + 32)],
            Start = offset + start,
            End = offset + end,
        };
    }

    /// <summary>
    /// The plain text a post's quoted words render to ahead of its own first paragraph: a blockquote
    /// renders as "\n" + its words + "\n\n" (what MarkdownRenderer stores; the import checks every span on it).
    /// </summary>
    private static string LeadingQuote(List<QuoteInfo> quotes) => quotes.Count > 0 ? "\n" + quotes[0].Exact + "\n\n" : "";

    private static int OwnTextStart(List<QuoteInfo> quotes) => LeadingQuote(quotes).Length;

    private static string Prefix(string text, int start) => text[Math.Max(0, start - 32)..start];

    /// <summary>A run of whole words of <paramref name="sentence"/>.</summary>
    private (int Start, int End) WordSpan(string sentence, int min, int max)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] == ' ')
                starts.Add(i + 1);
        }
        var count = Math.Min(_random.Next(min, max + 1), starts.Count);
        var first = _random.Next(0, starts.Count - count + 1);
        var end = first + count < starts.Count ? starts[first + count] - 1 : sentence.Length;
        return (starts[first], end);
    }

    private string Sentence(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            // Real text mixes a few very common words with a long tail of rare ones: search needs both to be measured.
            var word = _random.NextDouble() < 0.6
                ? Words[_random.Next(Words.Length)]
                : VocabularyWord((int)Math.Exp(_random.NextDouble() * Math.Log(VocabularySize)));
            builder.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            builder.Append(i == count - 1 ? "." : (_random.Next(9) == 0 ? ", " : " "));
        }
        return builder.ToString();
    }

    /// <summary>A second paragraph: words with now and then a link, emphasis or a footnote.</summary>
    private string Paragraph()
    {
        var text = Sentence(10, 50);
        var roll = _random.NextDouble();
        if (roll < 0.3)
            return $"{text} See [the {Words[_random.Next(Words.Length)]} section](https://example.org/report#s{_random.Next(1, 60)}).";
        if (roll < 0.4)
            return $"{text} This is *{Words[_random.Next(Words.Length)]}* enough.[^1]\n\n[^1]: {Sentence(5, 15)}";
        return text;
    }

    /// <summary>
    /// The long tail's word of frequency rank <paramref name="rank"/> (1 to <see cref="VocabularySize"/>): ranks are
    /// drawn log-uniformly, so rank r turns up about as often as 1/r, as word frequencies do in real text.
    /// </summary>
    public static string VocabularyWord(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        var i = rank - 1;
        return Syllables[i % 20] + Syllables[i / 20 % 20] + Syllables[i / 400 % 20];
    }

    private AuthorInfo Author(int number) => new()
    {
        Id = $"author-{number}",
        DisplayName = DisplayName(number),
        // Every author writes on LessWrong; some also on the other forums and on X.
        Accounts = Platforms.Where((_, i) => i == 0 || (number + i) % 3 == 0)
            .Select(p => new AccountInfo { Platform = p.Platform, Handle = Handle(number), Url = $"{p.Site}/{(p.Platform == Platform.Twitter ? "" : "users/")}{Handle(number)}" })
            .ToList(),
    };

    private static string Handle(int number) => $"writer{number}";

    private static string DisplayName(int number) => $"Writer {number}";

    private static TagInfo Tag(int number) => new()
    {
        Name = $"claim-{number}",
        Statement = $"Claim {number}: a statement the thread argues about.",
    };
}

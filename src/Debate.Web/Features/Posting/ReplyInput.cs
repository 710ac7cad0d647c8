using Debate.Core.Markdown;
using Debate.Core.Posting;
using FluentValidation;

namespace Debate.Web.Features.Posting;

/// <summary>What a reply form sends: the text, the post it answers, and the spans its quotes are anchored to.</summary>
public sealed class ReplyInput
{
    public long? ParentId { get; set; }
    /// <summary>One per opened form (made by the reply page, or by the page script for a form opened in place).</summary>
    public Guid? SubmissionKey { get; set; }
    public string Body { get; set; } = "";
    public List<QuoteInput> Quotes { get; set; } = [];

    public IReadOnlyList<QuoteSelection> Selections() =>
        Quotes.Select(q => new QuoteSelection(q.SourcePostId, q.SourceRevisionId, q.Start, q.End, q.Exact ?? "")).ToList();

    public sealed class Validator : AbstractValidator<ReplyInput>
    {
        public Validator()
        {
            RuleFor(i => i.Body).PostBody();
            RuleFor(i => i.Quotes).Must(q => q.Count <= PostRules.MaxQuotes)
                .WithMessage($"A reply links at most {PostRules.MaxQuotes} quotes; remove some.");
        }
    }
}

/// <summary>One quote as the form carries it in hidden fields, set by the page script from the selection.</summary>
public sealed class QuoteInput
{
    public long SourcePostId { get; set; }
    public long SourceRevisionId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Exact { get; set; } = "";
    /// <summary>Shown beside the quote in the form ("Quintin Pope"); not trusted for anything.</summary>
    public string? SourceAuthor { get; set; }
}

/// <summary>What every post's text must be: not empty, within the length, quotes not nested too deep.</summary>
internal static class PostBodyRules
{
    public static IRuleBuilderOptions<T, string> PostBody<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write something first: the text is empty.")
            .Must(body => body.Length <= PostRules.BodyMaxLength)
            .WithMessage((_, body) => $"The text has {body.Length:N0} characters; a post has at most {PostRules.BodyMaxLength:N0}. Shorten it; nothing was cut.")
            .Must(body => MarkdownRenderer.TryRender(body, "check-") is { } rendered && PostRules.QuoteDepth(rendered.Html) <= PostRules.MaxQuoteDepth)
            .WithMessage((_, body) => MarkdownRenderer.TryRender(body, "check-") is null
                ? MarkdownTooDeepException.Explanation
                : $"Quotes nest more than {PostRules.MaxQuoteDepth} deep (> > > >). Quote the innermost words directly instead.");
}

public sealed class EditInput
{
    public string Body { get; set; } = "";
    /// <summary>The post's version when the form was opened: a save over a newer one is refused.</summary>
    public uint Version { get; set; }

    public sealed class Validator : AbstractValidator<EditInput>
    {
        public Validator() => RuleFor(i => i.Body).PostBody();
    }
}

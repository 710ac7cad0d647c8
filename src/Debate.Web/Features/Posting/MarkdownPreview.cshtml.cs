using Debate.Core.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Posting;

/// <summary>The editor's preview: the Markdown rendered and sanitised exactly as a saved post is, as an HTML fragment.</summary>
[Authorize]
public sealed class MarkdownPreviewModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost([FromForm(Name = "Input.Body")] string? body)
    {
        var text = body ?? "";
        if (text.Length > Core.Posting.PostRules.BodyMaxLength)
            return Content($"<p class=\"field-error\">The text is longer than {Core.Posting.PostRules.BodyMaxLength:N0} characters; shorten it to preview and post it.</p>", "text/html");
        return MarkdownRenderer.TryRender(text, "preview-") is { } rendered
            ? Content(rendered.Html, "text/html; charset=utf-8")
            : Content($"<p class=\"field-error\">{MarkdownTooDeepException.Explanation}</p>", "text/html; charset=utf-8");
    }
}

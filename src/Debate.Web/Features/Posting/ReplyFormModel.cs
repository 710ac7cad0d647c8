using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Debate.Web.Features.Posting;

/// <summary>
/// The reply form: on the reply page filled in (and shown again with its errors), and on the thread pages as a
/// template the page script opens under a post.
/// </summary>
public sealed record ReplyFormModel(string ThreadSlug, ReplyInput Input, string? ParentAuthor, bool IsTemplate)
{
    public string Action => $"/t/{Uri.EscapeDataString(ThreadSlug)}/reply";

    public static string? ErrorFor(ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
    }
}

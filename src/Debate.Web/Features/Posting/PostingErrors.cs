using Debate.Core.Posting;
using Debate.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Debate.Web.Features.Posting;

internal static class PostingErrors
{
    /// <summary>The writer's faults beside their fields ("Input.Quotes[1]"), or above the form when they concern all of it.</summary>
    public static void AddPostingErrors(this ModelStateDictionary modelState, IEnumerable<PostingError> errors)
    {
        foreach (var error in errors)
            modelState.AddModelError(error.Field.Length == 0 ? "" : $"{FormValidation.InputPrefix}.{error.Field}", error.Message);
    }
}

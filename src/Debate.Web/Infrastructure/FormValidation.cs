using Debate.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Debate.Web.Infrastructure;

/// <summary>Puts a form's FluentValidation and account errors on ModelState, under the names asp-validation-for looks for.</summary>
internal static class FormValidation
{
    public const string InputPrefix = "Input";

    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
            modelState.AddModelError(FieldKey(error.PropertyName), error.ErrorMessage);
        return result.IsValid;
    }

    /// <param name="fieldNames">Where a form names a field differently from the account error (NewPassword for Password).</param>
    public static void AddAccountErrors(this ModelStateDictionary modelState, IEnumerable<AccountError> errors, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        // A field shows one message, so a password's several faults are told together.
        foreach (var field in errors.GroupBy(error => fieldNames?.GetValueOrDefault(error.Field) ?? error.Field))
            modelState.AddModelError(FieldKey(field.Key), string.Join(" ", field.Select(error => error.Message)));
    }

    /// <summary>An empty field name is an error about the whole form, shown in the summary.</summary>
    private static string FieldKey(string field) => field.Length == 0 ? "" : $"{InputPrefix}.{field}";
}

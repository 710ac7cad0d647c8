using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Account;

/// <summary>Change one's password; other sessions end at their next check (within a minute).</summary>
[Authorize]
public sealed class PasswordModel(SignInManager<AppUser> signIn, IValidator<PasswordModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmNewPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("Enter your current password.")
                .MaximumLength(AccountRules.PasswordMaxLength);
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Choose a new password.")
                .Length(AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength)
                .WithMessage($"A password has {AccountRules.PasswordMinLength} to {AccountRules.PasswordMaxLength} characters.")
                .NotEqual(i => i.CurrentPassword).WithMessage("The new password is the same as the current one.");
            RuleFor(i => i.ConfirmNewPassword).Equal(i => i.NewPassword).WithMessage("The two new passwords differ.");
        }
    }

    // Identity reports a wrong current password as "PasswordMismatch", and the new password's faults as "Password...".
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal) { ["Password"] = nameof(InputModel.NewPassword) };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return Rejected();
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                ModelState.AddModelError($"{FormValidation.InputPrefix}.{nameof(InputModel.CurrentPassword)}", "That is not your current password.");
            ModelState.AddAccountErrors(
                result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(AccountResult.ToAccountError), FieldNames);
            return Rejected();
        }
        // The password change renewed the security stamp; renew this session's cookie so only the other sessions end.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password was changed.";
        return RedirectToPage();
    }

    private PageResult Rejected()
    {
        Input = new InputModel();
        return Page();
    }
}

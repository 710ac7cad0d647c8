using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Account;

/// <summary>Anyone may register; they become a member writing as an author of their own, and are signed in.</summary>
public sealed class RegisterModel(UserAccounts accounts, SignInManager<AppUser> signIn, IValidator<RegisterModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string UserName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        private static readonly string UserNameRule = $"A username has {AccountRules.UserNameDescription}";

        public Validator()
        {
            RuleFor(i => i.UserName).NotEmpty().WithMessage("Choose a username.")
                .Length(AccountRules.UserNameMinLength, AccountRules.UserNameMaxLength).WithMessage(UserNameRule)
                .Must(name => name.All(AccountRules.UserNameCharacters.Contains)).WithMessage(UserNameRule);
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(AccountRules.EmailMaxLength)
                .EmailAddress().WithMessage("This is not an email address.");
            // Identity checks the letters, digits and variety, and names what is missing.
            RuleFor(i => i.Password).NotEmpty().WithMessage("Choose a password.")
                .Length(AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength)
                .WithMessage($"A password has {AccountRules.PasswordMinLength} to {AccountRules.PasswordMaxLength} characters.");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage("The two passwords differ.");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return Rejected();
        var result = await accounts.CreateAsync(new NewAccount(Input.UserName, Input.Email.Trim(), Input.Password), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddAccountErrors(result.Errors);
            return Rejected();
        }
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/");
    }

    /// <summary>The form comes back with what was typed, except the passwords.</summary>
    private PageResult Rejected()
    {
        Input.Password = "";
        Input.ConfirmPassword = "";
        return Page();
    }
}

using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Account;

/// <summary>Log in by username or email; five wrong passwords lock the account for fifteen minutes.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, IValidator<LoginModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go after logging in; only addresses on this site are followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.UserName).NotEmpty().WithMessage("Enter your username or email.");
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(AccountRules.PasswordMaxLength);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken))
            return Rejected();
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(Input.UserName)
            ?? (Input.UserName.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(Input.UserName) : null);
        if (user is null)
        {
            // Take as long as a real check, so the answer's timing does not tell which usernames exist.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password);
            ModelState.AddModelError("", WrongPassword);
            return Rejected();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? $"This account is locked after {AccountRules.MaxFailedLogins} wrong passwords. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes."
            : WrongPassword);
        return Rejected();
    }

    private const string WrongPassword = "Wrong username or password.";

    private PageResult Rejected()
    {
        Input.Password = "";
        return Page();
    }
}

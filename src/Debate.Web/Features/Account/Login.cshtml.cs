using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Account;

/// <summary>
/// Log in by username or email. Five wrong passwords from one address stop that address trying the account for
/// fifteen minutes (<see cref="LoginThrottle"/>); fifty from anywhere lock the account itself as long.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, IValidator<LoginModel.InputModel> validator, LoginThrottle throttle) : PageModel
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
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(Input.UserName, address))
        {
            ModelState.AddModelError("", TooManyFromHere);
            return Rejected();
        }
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(Input.UserName)
            ?? (Input.UserName.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(Input.UserName) : null);
        if (user is null)
        {
            // Take as long as a real check, and count it as one, so the answer does not tell which usernames exist.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password);
            return Refused(address);
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.Succeeded(Input.UserName, address);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", $"This account is locked after {AccountRules.MaxFailedLogins} wrong passwords. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes.");
            return Rejected();
        }
        return Refused(address);
    }

    private const string WrongPassword = "Wrong username or password.";

    private static string TooManyFromHere { get; } =
        $"Too many wrong passwords for this account from your address. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes.";

    private PageResult Refused(System.Net.IPAddress? address)
    {
        throttle.Failed(Input.UserName, address);
        ModelState.AddModelError("", throttle.IsBlocked(Input.UserName, address) ? TooManyFromHere : WrongPassword);
        return Rejected();
    }

    private PageResult Rejected()
    {
        Input.Password = "";
        return Page();
    }
}

using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Debate.Core.Accounts;

/// <summary>
/// The rules for usernames, passwords and lockout, in one place: Identity enforces them for the site and the CLI,
/// the forms validate with the same numbers and state them to the user.
/// </summary>
public static class AccountRules
{
    public const int UserNameMinLength = 3;
    public const int UserNameMaxLength = 32;
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    public const int PasswordMinLength = 12;
    /// <summary>Long enough for any passphrase; the cap keeps hashing cheap for hostile input.</summary>
    public const int PasswordMaxLength = 128;
    public const int PasswordMinUniqueCharacters = 6;
    public const int EmailMaxLength = 254;
    /// <summary>Wrong passwords from one address before that address may not try the account again for a while.</summary>
    public const int MaxFailedLoginsFromOneAddress = 5;
    /// <summary>
    /// Wrong passwords from anywhere before the account itself is locked: a backstop against guessing from many
    /// addresses, high enough that one address cannot lock someone else out.
    /// </summary>
    public const int MaxFailedLogins = 50;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static string UserNameDescription { get; } =
        $"{UserNameMinLength} to {UserNameMaxLength} characters: letters, digits, '-', '_' or '.'.";
    public static string PasswordDescription { get; } =
        $"At least {PasswordMinLength} characters, with an upper-case letter, a lower-case letter and a digit, " +
        $"at least {PasswordMinUniqueCharacters} different characters, and not containing your username.";

    public static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = UserNameCharacters;
        options.Password.RequiredLength = PasswordMinLength;
        options.Password.RequiredUniqueChars = PasswordMinUniqueCharacters;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        // Length and variety make a password strong; forcing a symbol mostly yields "Password1!".
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        // No mail is sent yet, so an account cannot be confirmed; sign-in must not wait for it.
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The stores and validators both the site and the CLI use, so an account made by either obeys the same rules.</summary>
    public static IdentityBuilder AddDebateStores(this IdentityBuilder identity) =>
        identity
            .AddEntityFrameworkStores<DebateDbContext>()
            .AddUserValidator<UserNameLengthValidator>()
            .AddPasswordValidator<PasswordWithoutUserNameValidator>();
}

/// <summary>Identity checks a username's characters and uniqueness, not its length.</summary>
public sealed class UserNameLengthValidator : IUserValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var length = user.UserName?.Length ?? 0;
        return Task.FromResult(length is >= AccountRules.UserNameMinLength and <= AccountRules.UserNameMaxLength
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "InvalidUserNameLength", Description = $"A username has {AccountRules.UserNameDescription}" }));
    }
}

/// <summary>A password that contains the username is the first thing an attacker tries.</summary>
public sealed class PasswordWithoutUserNameValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(user.UserName is { Length: > 0 } name && password is not null && password.Contains(name, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "The password must not contain your username." })
            : IdentityResult.Success);
}

using Debate.Core.Data;
using Debate.Core.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Debate.Core.Accounts;

public sealed record NewAccount(string UserName, string Email, string Password, string Role = AccountRoles.Member);

/// <summary>What went wrong, and the field it belongs to ("UserName", "Email", "Password", "Role"; empty for the whole form).</summary>
public sealed record AccountError(string Field, string Message);

public sealed record AccountResult(AppUser? User, IReadOnlyList<AccountError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Failed(string field, string message) => new(null, [new AccountError(field, message)]);

    public static AccountResult Failed(IdentityResult result) => new(null, [.. result.Errors.Select(ToAccountError)]);

    /// <summary>Identity names its errors by code; the code says which field the error belongs to.</summary>
    public static AccountError ToAccountError(IdentityError error) => new(
        error.Code switch
        {
            var code when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
            var code when code.Contains("UserName", StringComparison.Ordinal) => "UserName",
            var code when code.Contains("Email", StringComparison.Ordinal) => "Email",
            var code when code.Contains("Role", StringComparison.Ordinal) => "Role",
            _ => "",
        },
        error.Description);
}

/// <summary>
/// Creating users and setting their role, for the register page and the `debate users` command alike:
/// every user is a member and writes as an author of their own.
/// </summary>
public sealed class UserAccounts(UserManager<AppUser> users, DebateDbContext db, TimeProvider clock)
{
    public async Task<AccountResult> CreateAsync(NewAccount account, CancellationToken cancellationToken)
    {
        // Two registrations at once (a double-submitted form, or "Alice" and "alice.") can both pass the checks and then
        // collide on a unique index; the one that lost is checked again, and is told the name is taken or gets the next slug.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateOnceAsync(account, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<AccountResult> CreateOnceAsync(NewAccount account, CancellationToken cancellationToken)
    {
        if (!AccountRoles.All.Contains(account.Role))
            return AccountResult.Failed("Role", $"There is no role '{account.Role}'; use one of {string.Join(", ", AccountRoles.All)}.");
        var now = clock.GetUtcNow();
        // The author, the user and the roles are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser
        {
            UserName = account.UserName,
            Email = account.Email,
            CreatedAt = now,
            Author = new Author { Slug = await AuthorSlugs.UniqueAsync(db, account.UserName, cancellationToken), DisplayName = account.UserName, CreatedAt = now },
        };
        // Identity stops at the first failing kind of check; people fix a form in one go when told everything at once.
        var refusals = await RefusalsAsync(user, account.Password);
        if (refusals.Count > 0)
            return new AccountResult(null, [.. refusals.Select(AccountResult.ToAccountError)]);
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
            return AccountResult.Failed(created);
        var roles = await users.AddToRolesAsync(user, RolesFor(account.Role));
        if (!roles.Succeeded)
            return AccountResult.Failed(roles);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(user, []);
    }

    /// <summary>Makes the user a member, a moderator or an admin; they stay a member whatever else they are.</summary>
    public async Task<AccountResult> SetRoleAsync(string userName, string role, CancellationToken cancellationToken)
    {
        if (!AccountRoles.All.Contains(role))
            return AccountResult.Failed("Role", $"There is no role '{role}'; use one of {string.Join(", ", AccountRoles.All)}.");
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountResult.Failed("UserName", $"There is no user '{userName}'.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wanted = RolesFor(role);
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        if (!removed.Succeeded)
            return AccountResult.Failed(removed);
        var added = await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));
        if (!added.Succeeded)
            return AccountResult.Failed(added);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(user, []);
    }

    private async Task<List<IdentityError>> RefusalsAsync(AppUser user, string password)
    {
        var refusals = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
            refusals.AddRange((await validator.ValidateAsync(users, user)).Errors);
        foreach (var validator in users.PasswordValidators)
            refusals.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return refusals;
    }

    private static string[] RolesFor(string role) => role == AccountRoles.Member ? [AccountRoles.Member] : [AccountRoles.Member, role];
}

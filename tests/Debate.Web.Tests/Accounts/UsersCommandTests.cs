using Debate.Core.Accounts;
using Debate.Core.Model;
using Debate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Debate.Web.Tests.Accounts;

/// <summary>
/// The built `debate` command, run as a user would run it, on this class's database. Each run costs seconds (a process,
/// the EF model, the migration check), so rules that live in Core are checked in-process through the app's services.
/// </summary>
public class UsersCommandTests(AccountAppFixture database) : IClassFixture<AccountAppFixture>
{
    private const string AdminPassword = "First-admin-passphrase-9";

    private Task<CliRun> DebateAsync(string standardInput, params string[] arguments) => DebateCli.RunAsync(database.ConnectionString, standardInput, arguments);

    private async Task<(AppUser User, List<string> Roles)?> FindAsync(string userName)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.Include(u => u.Author).SingleOrDefaultAsync(u => u.UserName == userName);
        if (user is null)
            return null;
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).OrderBy(r => r).ToListAsync();
        return (user, roles);
    }

    [Fact]
    public async Task Users_add_creates_the_first_admin_with_the_password_read_from_standard_input()
    {
        var run = await DebateAsync(AdminPassword + "\n", "users", "add", "--email", "root@example.org", "--username", "root", "--role", "admin");

        Assert.True(run.ExitCode == 0, run.Error);
        var (user, roles) = (await FindAsync("root"))!.Value;
        Assert.Equal([AccountRoles.Admin, AccountRoles.Member], roles);
        Assert.Equal("root@example.org", user.Email);
        Assert.Equal("root", user.Author!.Slug);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, AdminPassword));
        Assert.True(user.LockoutEnabled, "an account made by the CLI locks out like any other");
    }

    [Fact]
    public async Task Users_add_without_a_password_creates_nobody()
    {
        var run = await DebateAsync("", "users", "add", "--email", "nopass@example.org", "--username", "nopass", "--role", "admin");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No password", run.Error, StringComparison.Ordinal);
        Assert.Null(await FindAsync("nopass"));
    }

    [Fact]
    public async Task A_weak_password_creates_neither_user_nor_author()
    {
        await using var scope = database.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        var result = await accounts.CreateAsync(new NewAccount("weak", "weak@example.org", "password", AccountRoles.Admin), CancellationToken.None);

        Assert.Contains(result.Errors, error => error.Field == "Password");
        Assert.Null(await FindAsync("weak"));
        await using var db = database.CreateContext();
        Assert.False(await db.Authors.AnyAsync(a => a.Slug == "weak"));
    }

    [Fact]
    public async Task Set_role_moves_a_user_up_the_ladder_and_back_and_they_stay_a_member()
    {
        await database.CreateUserAsync("moira");

        var promoted = await DebateAsync("", "users", "set-role", "--username", "moira", "--role", "moderator");
        var moderatorRoles = (await FindAsync("moira"))!.Value.Roles;
        await using (var scope = database.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetRoleAsync("moira", AccountRoles.Member, CancellationToken.None);

        Assert.True(promoted.ExitCode == 0, promoted.Error);
        Assert.Equal([AccountRoles.Member, AccountRoles.Moderator], moderatorRoles);
        Assert.Equal([AccountRoles.Member], (await FindAsync("moira"))!.Value.Roles);
    }
}

using System.CommandLine;
using System.Text;
using Debate.Core.Accounts;
using Debate.Core.Data;
using Debate.Core.Model;
using Debate.Core.Postgres;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Debate.Cli.Commands;

/// <summary>`debate users add` and `debate users set-role`: how the first admin comes to exist.</summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "Create users and set their role") { CreateAdd(), CreateSetRole() };

    private static Command CreateAdd()
    {
        var email = new Option<string>("--email") { Description = "the user's email address", Required = true };
        var userName = new Option<string>("--username") { Description = "the name the user logs in with and writes under", Required = true };
        var role = RoleOption(AccountRoles.Member);
        var command = new Command("add", "Create a user (a member with an author of their own); the password is read from standard input")
        {
            email, userName, role,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Never an argument (it would sit in the shell history and the process list), never a default.
            var password = ReadPassword();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("No password: write it to standard input, e.g. `debate users add ... < password-file`.");
                return 1;
            }
            return await WithAccountsAsync(async accounts =>
            {
                var result = await accounts.CreateAsync(
                    new NewAccount(parse.GetValue(userName)!, parse.GetValue(email)!, password, parse.GetValue(role)!), cancellationToken);
                if (!result.Succeeded)
                    return Failed(result);
                Console.WriteLine($"{result.User!.UserName}: created as {parse.GetValue(role)}, writing as author {result.User.Author!.Slug}");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command CreateSetRole()
    {
        var userName = new Option<string>("--username") { Description = "the user whose role changes", Required = true };
        var role = RoleOption(defaultRole: null);
        role.Required = true;
        var command = new Command("set-role", "Make a user a member, a moderator or an admin (they stay a member)") { userName, role };
        command.SetAction(async (parse, cancellationToken) => await WithAccountsAsync(async accounts =>
        {
            var result = await accounts.SetRoleAsync(parse.GetValue(userName)!, parse.GetValue(role)!, cancellationToken);
            if (!result.Succeeded)
                return Failed(result);
            Console.WriteLine($"{result.User!.UserName}: now {parse.GetValue(role)}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Option<string> RoleOption(string? defaultRole)
    {
        var option = new Option<string>("--role") { Description = $"one of {string.Join(", ", AccountRoles.All)}" };
        option.AcceptOnlyFromAmong([.. AccountRoles.All]);
        if (defaultRole is not null)
            option.DefaultValueFactory = _ => defaultRole;
        return option;
    }

    /// <summary>Identity's UserManager outside the web host: the same stores and rules the site uses.</summary>
    private static async Task<int> WithAccountsAsync(Func<UserAccounts, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddScoped(_ => database.CreateContext());
            services.AddIdentityCore<AppUser>(AccountRules.Configure).AddRoles<IdentityRole>().AddDebateStores();
            services.AddScoped<UserAccounts>();
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<UserAccounts>());
        }
        catch (PostgresUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"The database did not answer: {e.Message}");
            return 1;
        }
    }

    private static int Failed(AccountResult result)
    {
        foreach (var error in result.Errors)
            Console.Error.WriteLine(error.Field.Length > 0 ? $"{error.Field}: {error.Message}" : error.Message);
        return 1;
    }

    /// <summary>The first line of standard input; at a terminal, typed twice without echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine();
        var first = ReadHidden("Password: ");
        var second = ReadHidden("Password again: ");
        if (first == second)
            return first;
        Console.Error.WriteLine("The two passwords differ.");
        return null;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}

using System.Net;
using Debate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Debate.Web.Tests.Accounts;

/// <summary>Registrations racing each other: never a 500, never an author left without its user, one user per name.</summary>
public class ConcurrentRegistrationTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private const int Writers = 8;

    private static Dictionary<string, string> Form(string userName) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Email"] = $"{userName}@example.org",
        ["Input.Password"] = AccountAppFixture.Password,
        ["Input.ConfirmPassword"] = AccountAppFixture.Password,
    };

    [Fact]
    public async Task The_same_name_submitted_at_once_makes_one_user_and_tells_the_others_it_is_taken()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            using var response = await fixture.App.CreateBrowserLikeClient().SubmitAsync("/account/register", Form("Racer"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Single(statuses, s => s.StatusCode == HttpStatusCode.Redirect);
        Assert.All(statuses.Where(s => s.StatusCode != HttpStatusCode.Redirect), s =>
        {
            Assert.Equal(HttpStatusCode.OK, s.StatusCode);
            Assert.Contains("Racer", s.Body, StringComparison.Ordinal);
        });
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "Racer"));
        Assert.Equal(["racer"], await db.Authors.Where(a => a.Slug.StartsWith("racer")).Select(a => a.Slug).ToListAsync());
    }

    [Fact]
    public async Task Names_that_make_the_same_author_slug_at_once_each_get_a_user_and_an_author_of_their_own()
    {
        var names = Enumerable.Range(0, Writers).Select(i => "Twin" + new string('.', i % 2) + new string('_', i / 2 + 1)).ToList();

        var statuses = await Task.WhenAll(names.Select(async name =>
        {
            using var response = await fixture.App.CreateBrowserLikeClient().SubmitAsync("/account/register", Form(name));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        await using var db = fixture.CreateContext();
        var users = await db.Users.Where(u => u.UserName!.StartsWith("Twin")).Include(u => u.Author).ToListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), users.Select(u => u.UserName!).Order(StringComparer.Ordinal));
        Assert.Equal(Writers, users.Select(u => u.Author!.Slug).Distinct().Count());
        // No author row was left behind by a registration that lost the race.
        Assert.Equal(Writers, await db.Authors.CountAsync(a => a.Slug.StartsWith("twin")));
    }
}

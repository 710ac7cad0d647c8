using System.Net;
using Debate.Web.Tests.Infrastructure;
using Xunit;

namespace Debate.Web.Tests.Accounts;

/// <summary>
/// The client's address, which the login throttle counts by, comes from X-Forwarded-For only when the connection is
/// from a proxy named in ForwardedHeaders:KnownProxies; from anyone else the header changes nothing. Over real
/// loopback connections (127.0.0.1), so the app sees an address to trust or not.
/// </summary>
public abstract class ForwardedAddressTests(ForwardedAddressTests.Fixture fixture)
{
    public class Fixture(string? knownProxies) : AccountAppFixture
    {
        protected override IReadOnlyDictionary<string, string>? Settings => knownProxies is null
            ? new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest" }
            : new Dictionary<string, string> { ["Accounts:CookieSecurePolicy"] = "SameAsRequest", ["ForwardedHeaders:KnownProxies"] = knownProxies };
    }

    protected const string TooManyFromHere = "Too many wrong passwords for this account from your address. Try again in 15 minutes.";

    protected HttpClient ClientFrom(string forwardedFor)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = fixture.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    /// <summary>Five wrong passwords from the first address, then the right one from each; the answers to the right ones.</summary>
    protected async Task<(HttpStatusCode SameAddress, HttpStatusCode OtherAddress, string? SameMessage)> GuessThenLogInAsync(string userName)
    {
        _ = fixture.ServerAddress; // Kestrel first: creating the user starts the app's services
        await fixture.CreateUserAsync(userName);
        using var guesser = ClientFrom("203.0.113.7");
        using var owner = ClientFrom("198.51.100.20");
        for (var attempt = 1; attempt <= 5; attempt++)
            (await guesser.SubmitAsync("/account/login", Login(userName, $"Wrong-password-{attempt}"))).Dispose();

        using var again = await guesser.SubmitAsync("/account/login", Login(userName, AccountAppFixture.Password));
        using var right = await owner.SubmitAsync("/account/login", Login(userName, AccountAppFixture.Password));
        return (again.StatusCode, right.StatusCode, (await again.ReadDocumentAsync()).QuerySelector(".form-errors li")?.TextContent);
    }

    private static Dictionary<string, string> Login(string userName, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    };
}

public sealed class TrustedProxyFixture() : ForwardedAddressTests.Fixture("127.0.0.1");

public sealed class NoProxyFixture() : ForwardedAddressTests.Fixture(null);

public class ForwardedAddressFromATrustedProxyTests(TrustedProxyFixture fixture) : ForwardedAddressTests(fixture), IClassFixture<TrustedProxyFixture>
{
    [Fact]
    public async Task Behind_a_named_proxy_the_address_it_forwards_is_the_one_stopped()
    {
        var (sameAddress, otherAddress, message) = await GuessThenLogInAsync("behind-proxy");

        Assert.Equal((HttpStatusCode.OK, TooManyFromHere), (sameAddress, message));
        Assert.Equal(HttpStatusCode.Redirect, otherAddress);
    }
}

public class ForwardedAddressFromAnyoneTests(NoProxyFixture fixture) : ForwardedAddressTests(fixture), IClassFixture<NoProxyFixture>
{
    [Fact]
    public async Task Without_a_named_proxy_a_forwarded_address_changes_nothing()
    {
        // Every request comes from 127.0.0.1, whatever its header says: the guesses stop the owner's login here too.
        var (_, otherAddress, message) = await GuessThenLogInAsync("no-proxy");

        Assert.Equal(TooManyFromHere, message);
        Assert.Equal(HttpStatusCode.OK, otherAddress);
    }
}

using System.Net;
using Debate.Core.Accounts;
using Debate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Debate.Web.Tests.Accounts;

/// <summary>Every form POST needs its antiforgery token: checked over all the app's pages, so a new page cannot quietly opt out.</summary>
public class FormProtectionTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    /// <summary>
    /// The pages allowed to take a POST without a token, and why. The error page re-runs a refused POST (a missing token
    /// among the reasons) to explain the refusal, so it must not refuse it again.
    /// </summary>
    private static readonly HashSet<string> ExemptPages = new(StringComparer.Ordinal) { "/Errors/Error" };

    [Fact]
    public async Task Every_page_refuses_a_post_without_an_antiforgery_token()
    {
        // A moderator passes every authorization check, so what answers is the token check.
        var client = await fixture.LoggedInClientAsync("forger", AccountRoles.Moderator);
        var pages = PageRoutes().Where(page => !ExemptPages.Contains(page.ViewEnginePath)).ToList();
        Assert.Contains(pages, page => page.Path == "/account/login");
        Assert.Contains(pages, page => page.Path == "/moderation/authors");

        var answers = new List<string>();
        foreach (var page in pages)
        {
            foreach (var handler in new[] { "", "?handler=Link", "?handler=Undo", "?handler=Preview", "?handler=RemoveQuote", "?handler=Delete" })
            {
                using var response = await client.PostWithoutTokenAsync(page.Path + handler);
                answers.Add($"{page.Path}{handler} {(int)response.StatusCode}");
            }
        }

        Assert.All(answers, answer => Assert.EndsWith(" 400", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_token_gets_the_error_page()
    {
        var client = fixture.App.CreateBrowserLikeClient();

        using var response = await client.PostWithoutTokenAsync("/account/login", new Dictionary<string, string> { ["Input.UserName"] = "someone" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Request not accepted", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Every_other_endpoint_that_takes_writes_checks_the_token()
    {
        var unprotected = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(method => method is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
            .Select(endpoint => endpoint.RoutePattern.RawText);

        Assert.Empty(unprotected);
    }

    private sealed record PageRoute(string Path, string ViewEnginePath);

    /// <summary>A value the parameter's constraint accepts, so the request reaches the page rather than missing the route.</summary>
    private static string Example(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) =>
        segment.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter
        && pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
        && policies.Any(p => p.Content is "int" or "long")
            ? "1"
            : "example";

    /// <summary>Every page the app serves, with its route parameters filled in.</summary>
    private IEnumerable<PageRoute> PageRoutes() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint, page: endpoint.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(pair => pair.page is not null)
            .Select(pair => new PageRoute(
                "/" + string.Join("/", pair.endpoint.RoutePattern.PathSegments.Select(segment => segment.IsSimple && segment.Parts[0].IsLiteral
                    ? ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)segment.Parts[0]).Content
                    : Example(pair.endpoint.RoutePattern, segment))),
                pair.page!.ViewEnginePath))
            .DistinctBy(page => page.Path);
}

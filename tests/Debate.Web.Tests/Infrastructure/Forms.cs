using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>Fills in and submits a page's form the way a browser does: its hidden fields (the antiforgery token) included.</summary>
internal static class Forms
{
    /// <summary>A client that keeps cookies, does not follow redirects (tests look at them), and speaks https as the secure cookies require.</summary>
    public static HttpClient CreateBrowserLikeClient(this DebateApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>GETs <paramref name="path"/>, fills the form matching <paramref name="formSelector"/> with <paramref name="fields"/>, and POSTs it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {path}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(input => input.Name is { Length: > 0 })
            .GroupBy(input => input.Name!)
            .ToDictionary(group => group.Key, group => group.First().Value);
        foreach (var (name, value) in fields)
            values[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : path;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>POSTs a form with no antiforgery token, as a forged cross-site request would.</summary>
    public static Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string path, IReadOnlyDictionary<string, string>? fields = null) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields ?? new Dictionary<string, string>()));

    /// <summary>Follows a redirect the way a browser would after a form, with a GET.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            response = await client.GetAsync(location);
        }
        return response;
    }

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        Html.Parse(await response.Content.ReadAsStringAsync());
}

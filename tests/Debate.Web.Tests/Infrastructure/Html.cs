using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Debate.Web.Tests.Infrastructure;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}

using Microsoft.Playwright;
using Xunit;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>
/// Known XSS payloads (tests/data/xss/payloads.txt) and the check that a page showing them is safe: no script
/// ran and no dangerous attribute or address is in its DOM. To test a new input: put each payload through it,
/// open the pages that show it with <see cref="OpenAsync"/>, and call <see cref="AssertSafeAsync"/> on each.
/// </summary>
public static class HostileInput
{
    public static IReadOnlyList<string> Payloads { get; } = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "xss", "payloads.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
        .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal))
        .ToList();

    // Every way a payload calls home sets window.__xss: the dialogs are replaced before any page script runs.
    private const string Tripwire = """
        window.__xss = [];
        for (const name of ['alert', 'confirm', 'prompt', 'print', 'msgbox']) {
          window[name] = (...args) => { window.__xss.push(name + '(' + args.join(',') + ')'); };
        }
        """;

    // What no page of the app may carry: event handlers, script addresses, frames, inline script, and the like.
    private const string DangerousMarkup = """
        () => {
          const found = [];
          const scheme = (value) => value.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, '').toLowerCase();
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'xlink:href', 'ping', 'srcset', 'codebase', 'cite', 'manifest', 'longdesc', 'content'];
          const forbiddenElements = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'meta[http-equiv]', 'link[rel=import]', 'form[action^=javascript]'];
          for (const selector of forbiddenElements) {
            for (const element of document.querySelectorAll(selector)) found.push(`<${element.localName}> ${element.outerHTML.slice(0, 120)}`);
          }
          for (const script of document.scripts) {
            const src = script.getAttribute('src');
            if (!src || !src.startsWith('/') || src.startsWith('//') || script.textContent.trim() !== '') found.push(`<script> ${script.outerHTML.slice(0, 120)}`);
          }
          for (const style of document.querySelectorAll('body style')) found.push(`<style> in the body ${style.outerHTML.slice(0, 120)}`);
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) {
              const name = attribute.name.toLowerCase();
              const value = scheme(attribute.value);
              if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
              else if (name === 'srcdoc' || name === 'formaction') found.push(`${name} on <${element.localName}>`);
              else if (name === 'style' && /expression\(|url\(|javascript:|behavior|@import/.test(value)) found.push(`style="${attribute.value}" on <${element.localName}>`);
              else if (urlAttributes.includes(name) && /(^|[\s,;=])(javascript|vbscript|livescript|mocha):/.test(value)) found.push(`${name}="${attribute.value}" on <${element.localName}>`);
              else if (urlAttributes.includes(name) && /(^|[\s,;=])data:/.test(value) && !(element.localName === 'img' && name === 'src' && /^data:image\/(png|gif|jpe?g|webp);/.test(value))) found.push(`${name}="${attribute.value.slice(0, 80)}" on <${element.localName}>`);
            }
          }
          return found;
        }
        """;

    // Sets window.__imagesSettled once every image on the page is complete or has fired load or error, and the
    // frame after has been drawn. An image's own onerror attribute was set before these listeners, so it runs first.
    private const string WatchImages = """
        () => {
          window.__imagesSettled = false;
          const images = Array.from(document.images);
          for (const image of images) if (image.loading === 'lazy') image.loading = 'eager';
          const pending = images.filter(image => !image.complete).map(image => new Promise(done => {
            image.addEventListener('load', done, { once: true });
            image.addEventListener('error', done, { once: true });
          }));
          Promise.all(pending).then(() => requestAnimationFrame(() => requestAnimationFrame(() => { window.__imagesSettled = true; })));
        }
        """;

    /// <summary>A page with the tripwire set, ignoring the Content-Security-Policy so that the sanitiser alone is tested.</summary>
    public static async Task<IPage> OpenAsync(Uri server)
    {
        var page = await Browser.NewPageAsync(server, bypassCsp: true);
        await page.AddInitScriptAsync(Tripwire);
        page.Dialog += async (_, dialog) => await dialog.DismissAsync();
        return page;
    }

    /// <summary>Opens <paramref name="path"/> (it must answer 200), lets handlers fire (focus, hover, timers), and checks it.</summary>
    public static async Task AssertSafeAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Status: 200 }, $"{path} answered {response?.Status}");
        await AssertSafeAsync(page);
    }

    /// <summary>Opens every path (four pages at a time) and checks each; fails naming every unsafe page.</summary>
    public static async Task AssertSafeAsync(Uri server, IReadOnlyCollection<string> paths)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(paths);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task WorkAsync()
        {
            var page = await OpenAsync(server);
            while (queue.TryDequeue(out var path))
            {
                try
                {
                    await AssertSafeAsync(page, path);
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException or PlaywrightException)
                {
                    failures.Add($"{path}: {e.Message}");
                    await page.Context.CloseAsync();
                    page = await OpenAsync(server);
                }
            }
            await page.Context.CloseAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WorkAsync()));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {paths.Count} pages are unsafe:\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>Checks the page as it stands: no payload ran, none left a dangerous attribute, element or address.</summary>
    public static async Task AssertSafeAsync(IPage page)
    {
        // Give autofocus, onload, onerror and animations their chance, and hover over everything linked or marked.
        // The load event comes after every image in the markup has fired load or error (and so run any onerror).
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Mouse.MoveAsync(300, 300);
        await page.Keyboard.PressAsync("Tab");
        // Images added since (by script, hover or focus) or held back as lazy: wait until each has fired load or error.
        await page.EvaluateAsync(WatchImages);
        await page.WaitForFunctionAsync("() => window.__imagesSettled === true");
        var ran = await page.EvaluateAsync<string[]>("window.__xss ?? ['the tripwire is gone: the page was replaced']");
        Assert.True(ran.Length == 0, $"script ran on {page.Url}: {string.Join(", ", ran)}");
        var dangerous = await page.EvaluateAsync<string[]>(DangerousMarkup);
        Assert.True(dangerous.Length == 0, $"dangerous markup on {page.Url}:\n  " + string.Join("\n  ", dangerous.Take(20)));
    }
}

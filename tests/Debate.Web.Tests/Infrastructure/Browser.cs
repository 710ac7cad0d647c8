using Microsoft.Playwright;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>One headless system Chromium for the test run; each test opens its own context.</summary>
public static class Browser
{
    private static readonly Lazy<Task<IBrowser>> Instance = new(LaunchAsync);

    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <param name="bypassCsp">Ignore the app's Content-Security-Policy, to test what stands behind it (the sanitiser) on its own.</param>
    public static async Task<IPage> NewPageAsync(Uri baseAddress, bool bypassCsp = false)
    {
        var browser = await Instance.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1200, Height = 900 }, BypassCSP = bypassCsp });
        return await context.NewPageAsync();
    }

    /// <summary>Logs the page in as an existing user, through the login form, and waits for the header to name them.</summary>
    public static async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Username or email").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(AccountAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".site-header .account-name")).ToHaveTextAsync(userName);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });
    }

    /// <summary>What the reader sees in the window (full-page shots do not show where the page is scrolled to).</summary>
    public static async Task WindowScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png") });
    }

    /// <summary>Whether the element's top edge stands in the upper half of the window: where a followed link should bring it.</summary>
    public static async Task AssertInUpperHalfAsync(IPage page, string selector)
    {
        var place = await page.EvaluateAsync<double[]>("s => { const box = document.querySelector(s).getBoundingClientRect(); return [box.top, window.innerHeight]; }", selector);
        Xunit.Assert.InRange(place[0], 0, place[1] / 2);
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("DEBATE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium is not at {executable}: install the Debian package 'chromium' or set DEBATE_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Playwright cannot fetch a browser here; the system Chromium needs these to run headless and offline.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}

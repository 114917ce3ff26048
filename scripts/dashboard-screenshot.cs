#:package Microsoft.Playwright
#:property PublishAot=false
// Screenshots of the Aspire dashboard for the docs (docs/images): run the suite, then
// `dotnet run scripts/dashboard-screenshot.cs -- <the dashboard's sign-in link> docs/images`.
// The dashboard is a Blazor Server app: a plain `chromium --screenshot` shows a blank page, so Playwright waits for it.
using Microsoft.Playwright;

var (signIn, folder) = (new Uri(args[0]), args[1]);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
await page.GotoAsync(signIn.ToString());
await page.GetByText("gateway").First.WaitForAsync(new() { Timeout = 60_000 });
await page.WaitForTimeoutAsync(3_000); // the grid settles its states and health
await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "dashboard.png") });

await page.GotoAsync(new Uri(signIn, "/traces").ToString());
await page.Locator("[role='row']").Nth(2).WaitForAsync(new() { Timeout = 60_000 });
await page.WaitForTimeoutAsync(3_000);
await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "dashboard-traces.png") });
Console.WriteLine($"Wrote {folder}/dashboard.png and dashboard-traces.png");

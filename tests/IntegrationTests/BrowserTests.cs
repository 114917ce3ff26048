using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.AppHost;
using Platform.BuildingBlocks.Security;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// Each user's main journey in a real browser (Debian's Chromium, driven by Playwright) against the running suite with
/// its demo data: sign in, the page of their role, Chinese and English, Excel export, and a commissioning showing up
/// on the planner's chart without a reload. Screenshots go to screenshots/ beside the test assembly.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class BrowserTests(DemoSuiteFixture suite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    private string Gateway => suite.Endpoint("gateway").ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        await suite.LoadDemoDataAsync(); // once per suite: it loads only into an empty registry
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Without these, Chromium reaches for Google's services, which this machine's closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task A_planner_signs_in_sees_red_bridges_places_in_chinese_switches_to_english_and_exports_to_excel()
    {
        var page = await SignInAsync("planner");
        await Assertions.Expect(page).ToHaveURLAsync($"{Gateway}/planning");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("学位供需");
        await Assertions.Expect(page.Locator("#districtCode option")).ToHaveTextAsync(["红桥区"]); // only the planner's own district
        await Assertions.Expect(page.Locator("#trend canvas")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("table.grid tbody tr").CountAsync() > 3, "the zone × year table lists 红桥's zones");
        await Assertions.Expect(page.Locator(".sample")).ToContainTextAsync("120106");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "planner-zh.png"), FullPage = true });

        var capacity = await DownloadAsync(page, page.GetByText("导出Excel"), "capacity.xlsx");
        Assert.True(capacity.Count > 3, "the capacity analysis of 红桥's zones");
        // One number: a zone's cell on the page is the export's 余缺学位 for the same zone, stage and year.
        var header = capacity[0].Cells.ToList();
        var firstZone = page.Locator("table.grid tbody tr").First;
        var (zoneName, firstYear) = (await firstZone.Locator("th").InnerTextAsync(),
            await page.Locator("table.grid thead th").Nth(1).InnerTextAsync());
        var exported = capacity.Single(row => row.Cells[header.IndexOf("片区")] == zoneName
            && row.Cells[header.IndexOf("学段")] == "小学" && row.Cells[header.IndexOf("学年")] == firstYear);
        Assert.Equal(int.Parse(exported.Cells[header.IndexOf("余缺学位")]).ToString("+#,##0;−#,##0;0", CultureInfo.GetCultureInfo("zh-CN")),
            (await firstZone.Locator("td").First.InnerTextAsync()).Replace("⚠", "").Trim());

        await page.GetByLabel("切换到英文").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("School places: supply and demand");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "planner-en.png"), FullPage = true });
        await page.GetByLabel("Switch to Chinese").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("学位供需");
    }

    [Fact]
    public async Task A_commissioning_done_elsewhere_shows_on_the_planners_chart_without_a_reload()
    {
        var page = await SignInAsync("planner");
        await page.GotoAsync($"{Gateway}/planning?districtCode=120106&stage=junior_secondary&horizon=10");
        // The chart's page reached by an enhanced load of the filters: the chart is drawn again and polls from then on.
        await MarkPageAsync(page);
        await page.GetByLabel("学段").SelectOptionAsync("primary");
        await page.GetByLabel("预测年数").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "更新" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Gateway}/planning?districtCode=120106&stage=primary&horizon=5");
        await Assertions.Expect(page.Locator("#trend canvas")).ToHaveCountAsync(1);
        await AssertSamePageAsync(page);
        var before = await page.Locator("#trend-places").TextContentAsync();

        // The facility manager's part, through the API: a primary school of 红桥 grows by four classes.
        using var facilities = suite.ClientFor("gateway", suite.TokenFor("120106", "facilities"));
        var schools = await facilities.GetFromJsonAsync<List<JsonElement>>("/api/facilities/schools");
        var school = schools!.First(s => s.GetProperty("status").GetString() == "open"
            && s.GetProperty("stages").EnumerateArray().Select(stage => stage.GetProperty("stage").GetString()).SequenceEqual(["primary"]));
        var created = await facilities.PostAsJsonAsync("/api/facilities/projects",
            new { schoolId = school.GetProperty("id").GetGuid(), name = "浏览器测试扩建", classesAdded = 4 });
        await SuiteApi.EnsureAsync(created);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SuiteApi.EnsureAsync(await facilities.CommissionAsync(project));

        await Assertions.Expect(page.Locator("#trend-places")).Not.ToHaveTextAsync(before!, new() { Timeout = 30_000 });
        await AssertSamePageAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "planner-live.png") });
    }

    [Fact]
    public async Task An_hr_officer_and_a_facility_manager_each_land_on_their_own_page()
    {
        var hr = await SignInAsync("hr");
        await Assertions.Expect(hr).ToHaveURLAsync($"{Gateway}/workforce");
        await Assertions.Expect(hr.Locator("h1")).ToHaveTextAsync("编制与配备");
        Assert.True(await hr.Locator("tbody tr").CountAsync() > 3, "the establishment lists 红桥's schools");
        // The export is the page's table under the page's names, a school without enrolment said so in both.
        var sheet = await DownloadAsync(hr, hr.Locator("a[href^='/files/workforce/establishment/export']"), "establishment.xlsx");
        Assert.Equal(await hr.Locator("thead th").AllInnerTextsAsync(), sheet[0].Cells);
        Assert.Equal(await hr.Locator("tbody tr").CountAsync() + 2, sheet.Count); // the headers and the district's totals
        Assert.Equal(await hr.Locator("tfoot td").Nth(2).InnerTextAsync(), sheet[^1].Cells[3]);
        var noEnrolment = hr.Locator("tbody tr").Filter(new() { HasText = "无在校生数据" });
        Assert.True(await noEnrolment.CountAsync() > 0, "红桥's planned schools have no enrolment yet");
        var planned = await noEnrolment.First.Locator("th").InnerTextAsync();
        Assert.Equal("无在校生数据", sheet.Single(row => row.Cells[0] == planned).Cells[3]);
        await Assertions.Expect(hr.Locator("nav a")).ToHaveTextAsync(["学位规划", "师资"]); // no 校建 for HR
        await hr.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "hr.png"), FullPage = true });

        var facilities = await SignInAsync("facilities");
        await Assertions.Expect(facilities).ToHaveURLAsync($"{Gateway}/facilities");
        await Assertions.Expect(facilities.Locator("h1")).ToHaveTextAsync("校建项目");
        await Assertions.Expect(facilities.Locator("#projects-title")).ToBeVisibleAsync();
        await facilities.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "facilities.png"), FullPage = true });
    }

    [Fact]
    public async Task A_city_bureau_user_lands_on_the_city_and_picks_a_district_from_it()
    {
        var page = await SignInAsync("bureau");
        await Assertions.Expect(page).ToHaveURLAsync($"{Gateway}/city");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("全市概览");
        Assert.Equal(16, await page.Locator("tbody tr").CountAsync()); // every district of Tianjin
        var hongqiao = page.Locator("tbody tr").Filter(new() { HasText = "红桥区" });
        var primary = (await hongqiao.Locator("td").Nth(1).InnerTextAsync()).Split(' ', 2);
        var year = TightestYear().Match(primary[1]).Groups[1].Value;
        var jizhou = page.Locator("tbody tr").Filter(new() { HasText = "蓟州区" });
        await Assertions.Expect(jizhou.Locator("td").First).ToHaveTextAsync("尚无数据"); // places
        await Assertions.Expect(jizhou.Locator("td").Nth(4)).ToHaveTextAsync("尚无数据"); // teachers, not a 0
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "city.png"), FullPage = true });

        // The district's dashboard shows the same number in its totals row, for the same year.
        await hongqiao.GetByRole(AriaRole.Link, new() { Name = "红桥区" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("学位供需");
        var years = await page.Locator(".grid thead th").AllInnerTextsAsync();
        Assert.Equal(primary[0], await page.Locator(".grid tfoot td").Nth(years.ToList().IndexOf(year) - 1).InnerTextAsync());

        // A district without data is a state to tell, with the way back, not an error.
        await page.GotoAsync($"{Gateway}/planning?districtCode=120119");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("在校生");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "回到全市概览，选择有数据的区" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Gateway}/city");
    }

    [GeneratedRegex(@"(\d{4})年")]
    private static partial Regex TightestYear();

    [Fact]
    public async Task An_hr_officer_corrects_a_teachers_posting_for_a_reason_and_is_told_what_is_wrong()
    {
        var page = await SignInAsync("hr");
        // A school of the establishment that has pupils, and so teachers.
        await page.Locator("tbody tr").Filter(new() { HasNotText = "无在校生数据" }).First.Locator("th a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("教师名单");
        await page.Locator("tbody th a").First.ClickAsync(); // one of its teachers
        await Assertions.Expect(page.Locator("#postings-title")).ToHaveTextAsync("任职记录");
        // The latest posting the roll registered (a rotation's follow their plan and are not corrected here).
        var current = page.Locator("#postings-title ~ .scroll tbody tr").Filter(new() { HasText = "名册登记" }).Last;
        var since = await current.Locator("td").First.InnerTextAsync();
        async Task CorrectAsync(string from, string to, string reason)
        {
            await page.GetByLabel("要更正的记录").SelectOptionAsync(from);
            await page.GetByLabel("更正后的到校日期").FillAsync(to);
            await page.GetByLabel("更正原因").FillAsync(reason);
            await page.GetByRole(AriaRole.Button, new() { Name = "更正", Exact = true }).ClickAsync();
        }

        // A first day before the teacher could work is refused, named as the form labels it.
        await CorrectAsync(since, "1950-09-01", "录入错误");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("更正后的到校日期：须在教师年满 18 周岁之后");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("newFromDate");

        // A day earlier, for a reason: the history shows it with the reason; then back, as it was.
        var earlier = DateOnly.Parse(since, CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CorrectAsync(since, earlier, "调令日期早一天");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已更正" })).ToBeVisibleAsync();
        await Assertions.Expect(current.Locator("td").First).ToHaveTextAsync(earlier);
        await Assertions.Expect(current.Locator("td").Last).ToHaveTextAsync("调令日期早一天");
        await CorrectAsync(earlier, since, "恢复原日期");
        await Assertions.Expect(current.Locator("td").Last).ToHaveTextAsync("恢复原日期");
        await Assertions.Expect(current.Locator("td").First).ToHaveTextAsync(since);
    }

    [Fact]
    public async Task A_wrong_password_is_told_and_every_control_is_labelled_and_reachable_by_keyboard()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        // The page's script messages, written out with the result: this step has been seen (rarely, in the full run) to
        // show the error bar beside the alert.
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.PageError += (_, error) => messages.Enqueue($"page error: {error}");
        page.Console += (_, message) => messages.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
        try
        {
            await page.GotoAsync($"{Gateway}/planning");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
            await page.GetByLabel("用户名").FillAsync("planner");
            await page.GetByLabel("密码").FillAsync("wrong-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.problem[role=alert]")).ToContainTextAsync("用户名或密码不正确");
        }
        finally
        {
            foreach (var message in messages)
                output.WriteLine(message);
        }

        // Keyboard only: the fields and the button are reached with Tab, and Enter signs in.
        await page.GetByLabel("用户名").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("planner");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Suite.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("学位供需");

        // Every visible control of the dashboard has a label, and Tab walks from the skip link into the filters.
        foreach (var control in await page.Locator("select, input:not([type=hidden])").AllAsync())
        {
            var id = await control.GetAttributeAsync("id");
            Assert.True(id is not null && await page.Locator($"label[for='{id}']").CountAsync() == 1, $"control {id} has a label");
        }
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip")).ToBeFocusedAsync();
        var reached = new List<string?>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string?>("document.activeElement?.id || document.activeElement?.textContent?.trim()"));
        }
        Assert.Contains("districtCode", reached);
        Assert.Contains("stage", reached);
    }

    [Fact]
    public async Task A_planner_imports_births_sees_every_bad_row_then_commits_a_clean_file()
    {
        var page = await SignInAsync("planner");
        await page.GotoAsync($"{Gateway}/planning/import");
        var births = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/births?districtCode=120106");
        var latest = births!.Last(b => b.GetProperty("zoneId").ValueKind == JsonValueKind.Null);
        var (year, count) = (latest.GetProperty("year").GetInt32(), latest.GetProperty("births").GetInt32());

        await UploadAsync(page, "bad.csv",
            $"区划代码,年份,出生人口\n120106,{year},{count}\n120104,{year},5000\n120106,2999,10\n");
        await Assertions.Expect(page.Locator("td.reason")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("3"); // the row of the file, counted as the user sees it
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认导入" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "import-bad-rows.png"), FullPage = true });

        await UploadAsync(page, "good.csv", $"区划代码,年份,出生人口\n120106,{year},{count}\n");
        await Assertions.Expect(page.Locator("section p[role=status]")).ToContainTextAsync("不变 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync("已导入");
    }

    [Fact]
    public async Task A_slow_upload_shows_its_progress_and_can_be_cancelled_without_writing_anything()
    {
        var page = await SignInAsync("planner");
        await page.GotoAsync($"{Gateway}/planning/import");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 64 * 1024,
        });
        var rows = string.Join("\n", Enumerable.Range(0, 60_000).Select(i => $"120106,2010,{1000 + i % 100}"));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "big.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("区划代码,年份,出生人口\n" + rows)
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();

        var progress = page.Locator("progress");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-percent", new System.Text.RegularExpressions.Regex("^[1-9][0-9]?$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "import-progress.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(progress).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_planner_compares_scenarios_side_by_side()
    {
        var page = await SignInAsync("planner");
        await Assertions.Expect(page.Locator("#trend canvas")).ToHaveCountAsync(1);
        await MarkPageAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "方案比较" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("方案比较");
        var choices = page.Locator("fieldset.choices input[type=checkbox]");
        Assert.True(await choices.CountAsync() >= 2, "the demo data has a central and a high scenario for 红桥");
        await choices.Nth(0).CheckAsync();
        await choices.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "更新" }).ClickAsync();
        await Assertions.Expect(page.Locator("#compare[data-drawn]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#compare-title ~ .scroll tbody tr").CountAsync() >= 3, "a row for each year");
        // The page's balance is the export's 余缺学位, for the same scenario, stage and year.
        var sheet = await DownloadAsync(page, page.Locator("a[href^='/files/compare']"), "scenarios.xlsx");
        var scenario = (await page.Locator("#compare-title ~ .scroll thead th").Nth(1).InnerTextAsync()).Split(" · ")[0];
        var firstYear = page.Locator("#compare-title ~ .scroll tbody tr").First;
        var year = await firstYear.Locator("th").InnerTextAsync();
        var balance = (await firstYear.Locator("td").Nth(1).InnerTextAsync()).Replace('−', '-').Replace("+", "").Replace(",", "");
        Assert.Equal(sheet.Single(r => r.Cells[0] == scenario && r.Cells[1] == "小学" && r.Cells[2] == year).Cells[5], balance);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "scenarios.png"), FullPage = true });

        // Back to the dashboard by the top bar: its chart is drawn again, and no page was loaded whole on the way.
        var topBar = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await topBar.GetByRole(AriaRole.Link, new() { Name = "学位规划" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("学位供需");
        await Assertions.Expect(page.Locator("#trend[data-drawn] canvas")).ToHaveCountAsync(1);
        await AssertSamePageAsync(page);
    }

    [Fact]
    public async Task A_planner_creates_a_scenario_edits_it_and_adopts_it()
    {
        var page = await SignInAsync("planner");
        await page.GotoAsync($"{Gateway}/planning/scenarios");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建方案" }).ClickAsync();
        await MarkPageAsync(page);
        var name = $"浏览器方案{Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("方案名称").FillAsync(name);
        await page.GetByLabel("预测口径").SelectOptionAsync("central");
        await page.GetByLabel("预测年数").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("修改方案");
        await Assertions.Expect(page.GetByLabel("方案名称")).ToHaveValueAsync(name);

        await page.GetByLabel("计入新建住宅生源").CheckAsync();
        await SaveScenarioAsync(page);
        await Assertions.Expect(page.GetByLabel("计入新建住宅生源")).ToBeCheckedAsync();
        await page.GetByLabel("迁移系数").FillAsync("1.4");
        await SaveScenarioAsync(page);
        await Assertions.Expect(page.GetByLabel("迁移系数")).ToHaveValueAsync("1.4");

        // The other levers: the method, births, a class-size norm, a school closed and demand moved to another school.
        await page.GetByLabel("升级比汇总方法").SelectOptionAsync("median");
        await page.GetByLabel("取近几年升级比（3-6）").FillAsync("4");
        await page.GetByLabel("出生数年变化（%）").FillAsync("-2.5");
        await page.GetByLabel("预计出生数").FillAsync("2026 3100\n2027 2950");
        await page.GetByLabel("小学", new() { Exact = true }).FillAsync("40");
        await page.GetByLabel("第 1 行学校").SelectOptionAsync(new SelectOptionValue { Label = "西沽第二小学" });
        await page.GetByLabel("第 1 行变动").SelectOptionAsync("close");
        await page.GetByLabel("第 1 行年份").FillAsync("2028");
        await page.GetByLabel("第 1 行调出学区").SelectOptionAsync(new SelectOptionValue { Label = "西沽学区" });
        await page.GetByLabel("第 1 行调入学校").SelectOptionAsync(new SelectOptionValue { Label = "丁字沽小学" });
        await page.GetByLabel("第 1 行比例（%）").FillAsync("15");
        await page.GetByLabel("第 1 行起始年份").FillAsync("2027");
        await SaveScenarioAsync(page);
        await Assertions.Expect(page.GetByLabel("第 1 行年份")).ToHaveValueAsync("2028");
        await Assertions.Expect(page.GetByLabel("第 1 行调入学校").Locator("option:checked")).ToHaveTextAsync("丁字沽小学");
        await Assertions.Expect(page.GetByLabel("升级比汇总方法")).ToHaveValueAsync("median");
        await Assertions.Expect(page.GetByLabel("取近几年升级比（3-6）")).ToHaveValueAsync("4");
        await Assertions.Expect(page.GetByLabel("出生数年变化（%）")).ToHaveValueAsync("-2.5");
        await Assertions.Expect(page.GetByLabel("预计出生数")).ToHaveValueAsync("2026 3100\n2027 2950");
        await Assertions.Expect(page.GetByLabel("小学", new() { Exact = true })).ToHaveValueAsync("40");
        await Assertions.Expect(page.GetByLabel("第 1 行变动")).ToHaveValueAsync("close");
        await Assertions.Expect(page.GetByLabel("第 1 行比例（%）")).ToHaveValueAsync("15");
        await Assertions.Expect(page.GetByLabel("第 1 行起始年份")).ToHaveValueAsync("2027");
        await Assertions.Expect(page.GetByLabel("计入新建住宅生源")).ToBeCheckedAsync(); // levers set before are kept
        await Assertions.Expect(page.GetByLabel("第 3 行学校")).ToHaveValueAsync(""); // blank rows to add more
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "scenario-editor.png"), FullPage = true });

        // Incomplete: the service names the lever, and nothing is saved.
        await page.GetByLabel("第 2 行学校").SelectOptionAsync(new SelectOptionValue { Label = "西沽小学" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        // Named as the form labels it, in the user's language, never as the API spells it.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("学校开办与停办 第 2 行 · 年份：必须填写。");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("schoolChanges");
        await page.GetByLabel("第 2 行学校").SelectOptionAsync("");
        await page.GetByLabel("预计出生数").FillAsync("2026 3100\n两千");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("第 2 行");
        await AssertSamePageAsync(page); // every save was answered in the page, the first by an enhanced load of its address
        await page.GotoAsync(page.Url); // read again
        await Assertions.Expect(page.GetByLabel("预计出生数")).ToHaveValueAsync("2026 3100\n2027 2950");

        // Adopting shows first what it would publish, and publishes only once confirmed.
        await page.GetByRole(AriaRole.Button, new() { Name = "采用为正式预测…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#adopt-title")).ToHaveTextAsync("确认采用");
        await Assertions.Expect(page.Locator("#adopt-title ~ p").First).ToContainTextAsync(name);
        var announcing = await page.Locator("#adopt-title ~ .scroll tbody tr").Filter(new() { HasText = "新增或变化" }).CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认采用并发布" }).ClickAsync();
        await Assertions.Expect(page.Locator("p[role=status]").Last).ToContainTextAsync($"发布学位缺口 {announcing} 处");
        // Every planning page names the official forecast: which scenario, and who adopted it.
        await page.GotoAsync($"{Gateway}/planning?districtCode=120106");
        await Assertions.Expect(page.Locator(".official-forecast")).ToContainTextAsync($"“{name}”");
        await Assertions.Expect(page.Locator(".official-forecast")).ToContainTextAsync("由 红桥区学位规划员 采用");
    }

    [Fact]
    public async Task An_hr_officer_opens_an_appointment_round_and_takes_it_through_its_stages()
    {
        var page = await SignInAsync("hr");
        await page.GetByRole(AriaRole.Link, new() { Name = "区管校聘" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "启动竞聘" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stepper li.current")).ToHaveTextAsync("核定岗位");
        var roundPage = page.Url;
        await MarkPageAsync(page);
        // Every 在编 teacher of 红桥 is a candidate (the table may still be rendering when the stepper shows).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#candidates-title ~ .scroll tbody tr').length > 100");

        // More posts than the school has approved are refused, with the reason.
        await page.GetByLabel("学科").FillAsync("语文");
        await page.GetByLabel("岗位数").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "设定岗位" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await SetPostsAsync(page, "丁字沽小学", "语文", 3);
        await SetPostsAsync(page, "丁字沽第二小学", "语文", 2);
        var posts = page.Locator("#posts-title ~ .scroll tbody tr");
        await Assertions.Expect(posts).ToHaveCountAsync(2);

        // 校内竞聘: a school chooses among its own teachers in the subject of its open posts.
        await AdvanceAsync(page, "校内竞聘");
        await page.GetByLabel("选聘学校").SelectOptionAsync(new SelectOptionValue { Label = "丁字沽小学" });
        var choices = page.Locator(".choices label");
        await Assertions.Expect(choices.First).ToBeVisibleAsync();
        Assert.True(await choices.CountAsync() >= 2, "丁字沽小学 has several 语文 teachers");
        await Assertions.Expect(choices.Filter(new() { HasNotText = "语文 · 丁字沽小学" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "round-choices.png") });
        await choices.First.Locator("input").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "聘用所选教师" }).ClickAsync();
        await Assertions.Expect(posts.Filter(new() { HasText = "丁字沽小学" }).Locator("td").Last).ToHaveTextAsync("1");

        // 跨校竞聘: a teacher asks for another school, which then chooses them.
        await AdvanceAsync(page, "跨校竞聘");
        var asking = await page.Locator("#preferTeacher option")
            .Filter(new() { HasText = "语文 · 丁字沽小学" }).First.GetAttributeAsync("value");
        await page.Locator("#preferTeacher").SelectOptionAsync(asking!);
        await page.GetByLabel("第1志愿").SelectOptionAsync(new SelectOptionValue { Label = "丁字沽第二小学" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记志愿" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#candidates-title ~ .scroll tbody tr")
                .Filter(new() { HasText = "丁字沽第二小学" })
                .Filter(new() { HasText = "丁字沽小学" }))
            .Not.ToHaveCountAsync(0);
        await page.GetByLabel("选聘学校").SelectOptionAsync(new SelectOptionValue { Label = "丁字沽第二小学" });
        await Assertions.Expect(choices).ToHaveCountAsync(1);
        await choices.Locator("input").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "聘用所选教师" }).ClickAsync();
        await Assertions.Expect(posts.Filter(new() { HasText = "丁字沽第二小学" }).Locator("td").Last).ToHaveTextAsync("1");

        // 组织调剂 by hand, and one teacher sent to 转岗.
        await AdvanceAsync(page, "组织调剂");
        var placing = await page.Locator("#placeTeacher option").Filter(new() { HasText = "语文 ·" }).First.GetAttributeAsync("value");
        await page.Locator("#placeTeacher").SelectOptionAsync(placing!);
        await page.GetByLabel("受聘学校").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "调剂到所选学校" }).ClickAsync();
        await Assertions.Expect(posts.Filter(new() { HasText = "丁字沽小学" }).Locator("td").Last).ToHaveTextAsync("2");
        await page.Locator("#outcomeTeacher").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByLabel("结果").SelectOptionAsync("reassignment");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定去向" }).ClickAsync();
        await Assertions.Expect(page.Locator("#candidates-title ~ .scroll tbody tr").Filter(new() { HasText = "转岗" }))
            .ToHaveCountAsync(1);
        var round = await DownloadAsync(page, page.Locator("#candidates-title ~ .actions a"), "appointment-round.xlsx");
        Assert.Single(round, row => row.Cells is [.., "转岗"]);
        Assert.Contains(round,
            row => row.Cells is [_, "语文", "丁字沽小学", "丁字沽第二小学", "丁字沽第二小学", "跨校竞聘"]);

        // Teachers are left: the round cannot close, and the service says why.
        await page.GetByRole(AriaRole.Button, new() { Name = "进入下一阶段" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("待岗培训");
        await Assertions.Expect(page.Locator(".stepper li.current")).ToHaveTextAsync("组织调剂");
        await page.GetByRole(AriaRole.Button, new() { Name = "其余教师待岗培训" }).ClickAsync();
        // The refusal is gone once the teachers are sent; a click before that would be dropped as the first still runs.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入下一阶段" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stepper li.current")).ToHaveTextAsync("结束");
        // The history reads in the user's words: steps by name, people and schools by name, no codes nor ids.
        var history = string.Join("\n", await page.Locator("#round-events-title ~ .events li").AllInnerTextsAsync());
        Assert.Contains("填报志愿", history);
        Assert.Contains("组织调剂", history);
        Assert.Contains("转岗", history);
        Assert.DoesNotMatch(@"[a-z]{2,}_|[0-9a-f]{8}-[0-9a-f]{4}|history\.", history);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "round.png") });
        // The round went through its stages in its interactive stepper: the page was never loaded again.
        await AssertSamePageAsync(page);
        Assert.Equal(roundPage, page.Url);
    }

    [Fact]
    public async Task A_facility_manager_chooses_the_school_of_a_proposal_and_approves_it()
    {
        var page = await SignInAsync("facilities");
        await Eventually.Until(async () =>
        {
            await page.GotoAsync($"{Gateway}/facilities");
            return await page.Locator("#proposals-title ~ .scroll tbody tr").CountAsync();
        }, count => count > 0, "Facilities to turn the official forecast's shortfalls into proposals");
        var projects = await DownloadAsync(page, page.Locator("#projects-title ~ .actions a"), "projects.xlsx");
        // a header, then each project
        Assert.Equal(await page.Locator("#projects-title ~ .scroll tbody tr").CountAsync() + 1, projects.Count);
        Assert.Contains(projects, row => row.Cells is ["天津市实验小学红桥学校新建工程", ..]);
        var arriving = await DownloadAsync(page, page.Locator("#arriving-title ~ .actions a"), "portfolio.xlsx");
        Assert.All(arriving.Skip(1), row => Assert.Equal("120106", row.Cells[0]));
        await page.Locator("#proposals-title ~ .scroll tbody tr").Last.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#proposal-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "立项" })).ToBeDisabledAsync(); // no school yet

        await page.GetByRole(AriaRole.Button, new() { Name = "选定学校" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "立项" })).ToBeEnabledAsync();
        // without its document: the service names what is missing
        await page.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Assertions.Expect(page.Locator("#proposal-title ~ .problem")).ToContainTextAsync("批复文号：须填写");
        await Assertions.Expect(page.Locator("#proposal-title ~ .problem")).Not.ToContainTextAsync("documentReference");
        await page.Locator("#approval-reference").FillAsync("红发改〔2026〕9号");
        await page.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 + p")).ToContainTextAsync("已立项");
        await Assertions.Expect(page.Locator("#proposal-title")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_facility_manager_replans_a_gate_and_records_an_estimate()
    {
        var page = await SignInAsync("facilities");
        var projects = new List<string>();
        foreach (var link in await page.Locator("#projects-title ~ .scroll tbody a").AllAsync())
            projects.Add((await link.GetAttributeAsync("href"))!);
        foreach (var project in projects)
        {
            await page.GotoAsync(Gateway + project);
            if (await page.Locator("#plan-title ~ form input[type=date]").CountAsync() >= 2)
                break; // a project with gates still to come
        }
        var lastOpen = page.Locator("#plan-title ~ form input[type=date]").Last;
        var gate = (await lastOpen.GetAttributeAsync("id"))!;
        var planned = DateOnly.Parse((await lastOpen.InputValueAsync())!);
        var later = planned.AddDays(30).ToString("yyyy-MM-dd");
        await lastOpen.FillAsync(later);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存计划" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#{gate}")).ToHaveValueAsync(later);
        // the planned column
        await Assertions.Expect(page.Locator("table.gantt tbody tr").Last.Locator("td").Nth(1)).ToHaveTextAsync(later);

        await page.GetByLabel("类别").SelectOptionAsync("design");
        await page.GetByLabel("金额（万元）").FillAsync("1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记估算" }).ClickAsync();
        await Assertions.Expect(page.Locator("#estimates-title ~ table")).ToContainTextAsync("1,234");

        // Earned value: half the planned work done at the planned cost is an SPI of 0.50 and a CPI of 1.00.
        await page.GetByLabel("计划值").FillAsync("1000");
        await page.GetByLabel("挣值", new() { Exact = true }).FillAsync("500");
        await page.GetByLabel("实际成本").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记挣值" }).ClickAsync();
        await Assertions.Expect(page.Locator("#value-title + p")).ToContainTextAsync("SPI 0.50");
        await Assertions.Expect(page.Locator("#value-title + p")).ToContainTextAsync("CPI 1.00");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "project-plan.png"), FullPage = true });
    }

    [Fact]
    public async Task A_planner_reads_the_plans_indicators_and_the_back_tested_methods()
    {
        var page = await SignInAsync("planner");
        await page.GetByRole(AriaRole.Link, new() { Name = "规划指标" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan option")).ToHaveCountAsync(1); // 红桥's own plan only
        Assert.True(await page.Locator("tbody tr").CountAsync() >= 3, "the plan's targets with their standing");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "indicators.png"), FullPage = true });

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "预测回测" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(5); // the five summary methods, ranked
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("✓");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "backtest.png"), FullPage = true });
    }

    [Fact]
    public async Task An_hr_officer_follows_training_and_a_facility_manager_a_projects_stages()
    {
        var hr = await SignInAsync("hr");
        await hr.GetByRole(AriaRole.Link, new() { Name = "继续教育学时" }).ClickAsync();
        await Assertions.Expect(hr.Locator("h1")).ToHaveTextAsync("继续教育学时");
        Assert.True(await hr.Locator("#schools-title ~ .scroll tbody tr").CountAsync() > 3, "the completion of 红桥's schools");
        await hr.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "training.png"), FullPage = true });

        var facilities = await SignInAsync("facilities");
        await facilities.Locator("#projects-title ~ .scroll tbody a").First.ClickAsync();
        await Assertions.Expect(facilities.Locator("#timeline-title")).ToBeVisibleAsync();
        Assert.True(await facilities.Locator("table.gantt tbody tr").CountAsync() >= 8, "a row for each stage gate");
        await Assertions.Expect(facilities.Locator("table.gantt .mark").First).ToBeVisibleAsync();
        await facilities.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "project.png"), FullPage = true });

        // The demo's official forecast has shortfalls in 红桥: each became a proposal, which leads back to its shortfall.
        await Eventually.Until(async () =>
        {
            await facilities.GotoAsync($"{Gateway}/facilities");
            return await facilities.Locator("#proposals-title").CountAsync();
        }, count => count == 1, "Facilities to turn the official forecast's shortfalls into proposals");
        await facilities.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "proposals.png"), FullPage = true });
        await facilities.GetByRole(AriaRole.Link, new() { Name = "查看缺口" }).First.ClickAsync();
        await Assertions.Expect(facilities.Locator("h1")).ToHaveTextAsync("学位供需");
        await Assertions.Expect(facilities.Locator("table.grid td.shortfall, table.grid td.largeshortfall").First).ToBeVisibleAsync();
        await facilities.GoBackAsync();
        await facilities.Locator("#projects-title ~ .scroll tbody a").First.ClickAsync();

        // A gate recorded as passed next year is refused, with the service's reason shown (and nothing changes).
        await facilities.Locator("#date").FillAsync(DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"));
        await facilities.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(facilities.Locator("#pass-title ~ .problem")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_hr_officer_edits_a_rotation_plan_against_its_quotas_and_cannot_approve_it_while_short()
    {
        var page = await SignInAsync("hr");
        await page.GetByRole(AriaRole.Link, new() { Name = "交流轮岗" }).ClickAsync();
        // The demo's plan is this school year's (other tests may add later years' plans, which the page would open first).
        var today = Platform.BuildingBlocks.Clocks.Today(TimeProvider.System);
        var schoolYear = $"{(today.Month >= 9 ? today.Year : today.Year - 1)} ·";
        await page.Locator("nav.plans a", new() { HasTextString = schoolYear }).ClickAsync();
        await Assertions.Expect(page.Locator("nav.plans a.active")).ToContainTextAsync(schoolYear);
        await Assertions.Expect(page.Locator("#gauge-rotated")).ToBeVisibleAsync();
        var assignments = page.Locator("#assignments-title ~ .scroll tbody tr");
        var before = await assignments.CountAsync();
        Assert.True(before > 0, "the demo's draft plan for 红桥 rotates teachers");
        var rotated = await page.Locator("#gauge-rotated").GetAttributeAsync("value");
        // a header, then each teacher
        Assert.Equal(before + 1,
            (await DownloadAsync(page, page.Locator("#assignments-title ~ .actions a"), "rotation-plan.xlsx")).Count);

        // Take the first teacher out of the plan, then put them back where they were going: the gauge follows, over
        // the circuit, without a request for the page.
        await MarkPageAsync(page);
        var pageRequests = 0;
        page.Request += (_, request) => pageRequests += request.Url.Contains("/workforce/rotation", StringComparison.Ordinal) ? 1 : 0;
        var first = assignments.First;
        var teacher = (await first.Locator("th").TextContentAsync())!.Replace(" ★", "").Trim();
        var fromSchool = (await first.Locator("td").Nth(1).TextContentAsync())!.Trim();
        var toSchool = (await first.Locator("td").Nth(2).TextContentAsync())!.Split(" (")[0].Trim(); // "学校 (N年)"
        await first.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(assignments).ToHaveCountAsync(before - 1);
        await Assertions.Expect(page.Locator("#gauge-rotated")).Not.ToHaveAttributeAsync("value", rotated!);
        var option = page.Locator("#teacher option")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{teacher} · {fromSchool}$") }); // names repeat
        await page.Locator("#teacher").SelectOptionAsync(await option.First.GetAttributeAsync("value") ?? "");
        await page.Locator("#toSchool").SelectOptionAsync(new SelectOptionValue { Label = toSchool });
        await page.GetByRole(AriaRole.Button, new() { Name = "加入方案" }).ClickAsync();
        await Assertions.Expect(assignments).ToHaveCountAsync(before);
        await Assertions.Expect(page.Locator("#gauge-rotated")).ToHaveAttributeAsync("value", rotated!);
        await AssertSamePageAsync(page);
        Assert.Equal(0, pageRequests);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "rotation.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quota-title")).ToContainTextAsync("已提交");
        // The demo plan leaves some schools short of their quotas: approval is refused, naming what is short, and the
        // plan stays submitted. (Approving, starting, extending and completing are covered through the API in RotationTests.)
        await page.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem[role=alert]")).ToContainTextAsync("少于");
        await Assertions.Expect(page.Locator("#quota-title")).ToContainTextAsync("已提交");
        // It goes back to its drafter with the reason, which the history keeps.
        await page.GetByLabel("退回原因").FillAsync("名额不足，请调整");
        await page.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quota-title")).ToContainTextAsync("草稿");
        await Assertions.Expect(page.Locator("#events-title ~ .events li").Last).ToContainTextAsync("退回修改 名额不足，请调整");
    }

    /// <summary>Marks the browser's page: a page loaded whole loses the mark; an enhanced load or a circuit's update keeps it.</summary>
    private static Task MarkPageAsync(IPage page) => page.EvaluateAsync("window.stillThisPage = true");

    /// <summary>
    /// Saves the scenario and waits until the stored scenario is shown back: until then the form may still be
    /// replaced by what was stored, and an edit made meanwhile would be lost.
    /// </summary>
    private static async Task SaveScenarioAsync(IPage page)
    {
        var form = page.Locator("form[data-saved]");
        var saves = int.Parse((await form.GetAttributeAsync("data-saved"))!);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(form).ToHaveAttributeAsync("data-saved", $"{saves + 1}");
    }

    private static async Task AssertSamePageAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("window.stillThisPage === true"), "the page was not loaded whole");

    private static async Task SetPostsAsync(IPage page, string school, string subject, int count)
    {
        await page.GetByLabel("学校", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = school });
        await page.GetByLabel("学科").FillAsync(subject);
        await page.GetByLabel("岗位数").FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "设定岗位" }).ClickAsync();
        await Assertions.Expect(page.Locator("#posts-title ~ .scroll tbody tr").Filter(new() { HasText = school })).ToHaveCountAsync(1);
    }

    private static async Task AdvanceAsync(IPage page, string stage)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "进入下一阶段" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stepper li.current")).ToHaveTextAsync(stage);
    }

    /// <summary>Clicks an export link and reads the workbook it downloads, kept beside the screenshots.</summary>
    private static async Task<IReadOnlyList<BuildingBlocks.Spreadsheets.SheetRow>> DownloadAsync(IPage page, ILocator link, string name)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(name, download.SuggestedFilename);
        var file = Path.Combine(Screenshots, name);
        await download.SaveAsAsync(file);
        await using var content = File.OpenRead(file);
        return BuildingBlocks.Spreadsheets.SheetReader.Read(content, name);
    }

    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv)
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Sign_out_posted_by_another_site_is_refused_and_the_button_signs_out()
    {
        var page = await SignInAsync("viewer");
        var otherSite = await page.Context.NewPageAsync();
        await otherSite.SetContentAsync($"<form method=\"post\" action=\"{Gateway}/sign-out\"></form>");
        var posted = await otherSite.RunAndWaitForResponseAsync(
            () => otherSite.EvaluateAsync("document.forms[0].submit()"), $"{Gateway}/sign-out");
        Assert.Equal(400, posted.Status);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".user")).ToContainTextAsync("市教委查阅"); // still signed in

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GotoAsync($"{Gateway}/planning");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    [Fact]
    public async Task A_session_signed_out_in_another_tab_stops_the_editors_next_call_and_sends_the_user_to_sign_in()
    {
        var page = await SignInAsync("planner");
        await page.GotoAsync($"{Gateway}/planning/scenarios/edit?districtCode=120106");
        var name = $"退出后方案{Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("方案名称").FillAsync(name);

        // The other tab signs out; the cookie as it was, copied, shows when this host has learnt of it.
        var cookies = await page.Context.CookiesAsync();
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync($"{Gateway}/planning");
        await other.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        using var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = suite.Endpoint("gateway"),
            DefaultRequestHeaders = { { "Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")) } },
        };
        await Eventually.Until(async () => (await copy.GetAsync("/planning")).StatusCode,
            status => status == System.Net.HttpStatusCode.Redirect, "the web UI to refuse the signed-out session");

        // The editor's circuit still runs, with the token of the session as it was when it connected: its next call
        // is not made, and the page loads again, at the sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        using var planning = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.Planner));
        var scenarios = await planning.GetStringAsync("/api/planning/scenarios?districtCode=120106");
        Assert.DoesNotContain(name, scenarios);
    }

    [Fact]
    public async Task The_editors_circuit_speaks_english_once_the_user_switched()
    {
        var page = await SignInAsync("planner");
        await page.GetByLabel("切换到英文").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync($"{Gateway}/planning/scenarios/edit?districtCode=120106");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("English circuit");
        await page.GetByLabel("Expected births").FillAsync("2026 3100\ntwo thousand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // Written by the circuit, in the language of the connection that opened it.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Expected births, line 2");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New scenario");
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Gateway}/sign-in");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Suite.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("登录");
        return page;
    }
}

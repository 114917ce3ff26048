using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// A project's stage gates, milestone plan, slippage (published to Planning's pipeline), estimates, earned value and
/// the portfolio, through the gateway. Dates are relative to today, as the service judges them on the day.
/// </summary>
[Collection(SuiteCollection.Name)]
public class ProjectScheduleTests(SuiteFixture suite)
{
    private static readonly DateOnly Today = Platform.BuildingBlocks.Clocks.Today(TimeProvider.System); // the services' day

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Guid project, string path, object body) =>
        await suite.Gateway.SendAsync(new HttpRequestMessage(method, $"/api/facilities/projects/{project}/{path}")
        {
            Content = JsonContent.Create(body),
        });

    private async Task<JsonElement> OkAsync(HttpMethod method, Guid project, string path, object body)
    {
        var response = await SendAsync(method, project, path, body);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> PipelineEntryAsync(Guid project, Func<JsonElement, bool> condition, string what) =>
        Eventually.Until(async () =>
            (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/pipeline?districtCode=120106"))!
            .SingleOrDefault(p => p.GetProperty("projectId").GetGuid() == project), condition, what);

    [Fact]
    public async Task Gates_plans_slippage_estimates_and_earned_value_are_kept_and_the_slip_reaches_planning()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区工期测试小学");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = (await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 6)).Id;
        var opening = new DateOnly(Today.Year + 2, 9, 1);

        // Gates in order, with documents; a skip, a future date and a missing document are refused; a waiver is recorded.
        await OkAsync(HttpMethod.Post, project, "gates", new { gate = "proposed", date = Day(-300), documentReference = "红教〔2025〕12号" });
        var skipped = await SendAsync(HttpMethod.Post, project, "gates",
            new { gate = "feasibility", date = Day(-100), documentReference = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("应先通过立项", await skipped.Content.ReadAsStringAsync());
        var future = await SendAsync(HttpMethod.Post, project, "gates", new { gate = "approved", date = Day(1) });
        var errors = (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["date", "documentReference"], errors);
        var approved = await OkAsync(HttpMethod.Post, project, "gates",
            new { gate = "approved", date = Day(-200), documentReference = "红发改〔2025〕88号" });
        Assert.Equal("approved", approved.GetProperty("status").GetString()); // passing 立项 approves the project
        // The waiver is the section head's: the milestone names the token's user, whatever the body says.
        using var head = suite.ClientFor("gateway", suite.TokenAs("hq.jijian", "红桥区基建科科长", "120106", Roles.Facilities));
        var waiving = await head.PostAsJsonAsync($"/api/facilities/projects/{project}/gates",
            new { gate = "site", date = Day(-190), waiverReason = "原址改扩建，无需新选址", actor = ForgedActor.Name });
        await SuiteApi.EnsureAsync(waiving);
        var waived = await waiving.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("site", waived.GetProperty("currentGate").GetString());
        var site = waived.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("gate").GetString() == "site");
        Assert.Equal(("hq.jijian", "红桥区基建科科长"),
            (site.GetProperty("userName").GetString(), site.GetProperty("displayName").GetString()));
        await ForgedActor.AssertNotRecordedAsync(suite, "facilitiesdb", "project_passages", waived.GetRawText());

        // A path or an estimate named by a number is no code: 400 naming the field (not a path that does not exist).
        foreach (var (method, path, body, field) in new (HttpMethod, string, object, string)[]
                 {
                     (HttpMethod.Put, "plan", new { path = "7", milestones = new Dictionary<string, string> { ["in_use"] = Day(-1) } },
                         "path"),
                     (HttpMethod.Post, "estimates", new { kind = "2", amount = 1000, date = Day(-1) }, "kind"),
                 })
        {
            var numbered = await SendAsync(method, project, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, numbered.StatusCode);
            Assert.True((await numbered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }

        // The plan: its 投入使用 sets the planned in-use date, which Planning's pipeline learns.
        var planned = await OkAsync(HttpMethod.Put, project, "plan", new
        {
            path = "government",
            milestones = new Dictionary<string, string>
            {
                ["proposed"] = Day(-300), ["approved"] = Day(-200), ["in_use"] = opening.ToString("yyyy-MM-dd"),
            },
        });
        Assert.Equal((opening.Year, opening.Year, false),
            (planned.GetProperty("plannedOpeningYear").GetInt32(), planned.GetProperty("forecastOpeningYear").GetInt32(),
                planned.GetProperty("slips").GetBoolean()));
        await PipelineEntryAsync(project, p => p.GetProperty("plannedInUse").GetString() == opening.ToString("yyyy-MM-dd"),
            "the planned date in Planning");

        // 主体封顶 planned 30 days ago and not passed: the opening slips a school year; the baseline stays.
        var slipped = await OkAsync(HttpMethod.Put, project, "plan", new
        {
            milestones = new Dictionary<string, string> { ["topping_out"] = Day(-30), ["in_use"] = opening.ToString("yyyy-MM-dd") },
        });
        Assert.Equal((opening.Year, opening.Year + 1, true),
            (slipped.GetProperty("baselineOpeningYear").GetInt32(), slipped.GetProperty("forecastOpeningYear").GetInt32(),
                slipped.GetProperty("slips").GetBoolean()));
        Assert.Equal(["overdue", "openingSlips"],
            slipped.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        var forecastInUse = opening.AddDays(30).ToString("yyyy-MM-dd");
        await PipelineEntryAsync(project, p => p.GetProperty("plannedInUse").GetString() == forecastInUse, "the slipped date in Planning");

        // Estimates: a 概算 15% over the 可研 estimate is flagged. Earned value: SPI 0.75, CPI 0.8.
        await OkAsync(HttpMethod.Post, project, "estimates", new { kind = "feasibility", amount = 1000, date = Day(-250) });
        var overrun = await OkAsync(HttpMethod.Post, project, "estimates", new { kind = "design", amount = 1150, date = Day(-150) });
        Assert.Contains(overrun.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "estimateOverrun");
        var earned = await OkAsync(HttpMethod.Put, project, "earned-value",
            new { plannedValue = 800, earnedValue = 600, actualCost = 750 });
        Assert.Equal((0.75, 0.8), (earned.GetProperty("spi").GetDouble(), earned.GetProperty("cpi").GetDouble()));

        // The portfolio counts the places in the planned and in the forecast school year.
        var portfolio = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/facilities/portfolio?districtCode=120106");
        var rows = portfolio.GetProperty("arriving").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "reserve").ToList();
        Assert.Contains(rows, r => r.GetProperty("year").GetInt32() == opening.Year + 1
            && r.GetProperty("forecastPlaces").GetInt32() >= 270);
        Assert.Contains(portfolio.GetProperty("projects").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == project);

        // Once in use, the plan is closed.
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Put, project, "plan",
            new { milestones = new Dictionary<string, string> { ["in_use"] = Day(10) } })).StatusCode);
    }

    [Fact]
    public async Task Approving_and_commissioning_in_one_request_record_their_gates_and_skip_none_without_a_waiver()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区快捷立项测试小学");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = (await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 2)).Id;

        // 立项 needs its document; with it, 谋划 (the project's entry) and 立项 are recorded, by the signed-in user.
        var undocumented = await SendAsync(HttpMethod.Post, project, "approve", new { date = Day(-100) });
        Assert.Equal(["documentReference"],
            (await undocumented.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var approved = await OkAsync(HttpMethod.Post, project, "approve", new { date = Day(-100), documentReference = "红发改〔2026〕5号" });
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var passed = approved.GetProperty("milestones").EnumerateArray()
            .Where(m => m.GetProperty("actual").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal([("proposed", Day(-100)), ("approved", Day(-100))],
            passed.Select(m => (m.GetProperty("gate").GetString(), m.GetProperty("actual").GetString())));
        Assert.Equal(("红发改〔2026〕5号", "测试用户", suite.GatewayUserName),
            (passed[1].GetProperty("documentReference").GetString(), passed[1].GetProperty("displayName").GetString(),
                passed[1].GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.Conflict,
            (await SendAsync(HttpMethod.Post, project, "approve", new { documentReference = "again" })).StatusCode);

        // 投入使用 with gates never recorded: refused, naming them, unless they are waived with a reason; never in the future.
        var unwaived = await SendAsync(HttpMethod.Post, project, "commission", new { inUseFrom = Day(-10), documentReference = "开办批复" });
        var problem = await unwaived.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["waiverReason"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("选址及用地、可研批复", problem.GetProperty("errors").GetProperty("waiverReason")[0].GetString());
        var future = await SendAsync(HttpMethod.Post, project, "commission",
            new { inUseFrom = Day(5), documentReference = "开办批复", waiverReason = "小规模改造" });
        Assert.Contains("inUseFrom",
            (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        // nothing half-written
        Assert.Equal("approved", (await suite.Gateway.GetFromJsonAsync<ProjectDto>($"/api/facilities/projects/{project}"))!.Status);

        var commissioned = await OkAsync(HttpMethod.Post, project, "commission",
            new { inUseFrom = Day(-10), documentReference = "开办批复", waiverReason = "小规模改造，手续合并办理" });
        Assert.Equal("commissioned", commissioned.GetProperty("status").GetString());
        var milestones = commissioned.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(15, milestones.Count(m => m.GetProperty("actual").ValueKind == JsonValueKind.String));
        Assert.Equal(12, milestones.Count(m => m.GetProperty("waiverReason").GetString() == "小规模改造，手续合并办理"));
        Assert.Equal("开办批复",
            milestones.Single(m => m.GetProperty("gate").GetString() == "in_use").GetProperty("documentReference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, project, "commission",
            new { inUseFrom = Day(-1), documentReference = "x", waiverReason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Details_take_a_type_areas_and_a_budget_that_its_funding_sources_do_not_exceed()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区详情测试小学");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = (await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 4)).Id;

        var bad = await SendAsync(HttpMethod.Put, project, "details", new
        {
            type = "palace", budget = 1000, funding = new Dictionary<string, decimal> { ["财政资金"] = 800, ["专项债"] = 300 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["funding", "type"], fields);
        // An area out of its bounds is answered before the rules are checked.
        var negative = await SendAsync(HttpMethod.Put, project, "details", new { type = "palace", floorArea = -5 });
        Assert.Equal(["floorArea"],
            (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var saved = await OkAsync(HttpMethod.Put, project, "details", new
        {
            type = "expansion", floorArea = 6800, landArea = 12000, budget = 4200,
            funding = new Dictionary<string, decimal> { ["财政资金"] = 2200, ["专项债"] = 2000 },
            responsibleUnit = "红桥区教育局基建科", contractor = "天津某建设集团",
        });
        Assert.Equal(("改扩建", 4200m, 2000m),
            (saved.GetProperty("typeName").GetString(), saved.GetProperty("budget").GetDecimal(),
                saved.GetProperty("funding").GetProperty("专项债").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound,
            (await SendAsync(HttpMethod.Put, Guid.NewGuid(), "details", new { type = "expansion" })).StatusCode);
    }

    [Fact]
    public async Task Passing_the_last_gate_of_the_developer_path_commissions_the_project()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区配套幼儿园测试");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = (await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 2)).Id;
        await OkAsync(HttpMethod.Put, project, "plan",
            new { path = "developer", milestones = new Dictionary<string, string> { ["in_use"] = Day(0) } });

        string[] gates = ["obligation", "construction_start", "completion", "joint_acceptance", "handover", "operator", "fit_out"];
        for (var i = 0; i < gates.Length; i++)
            await OkAsync(HttpMethod.Post, project, "gates",
                new { gate = gates[i], date = Day(-400 + 50 * i), documentReference = $"配套-{i}" });
        var inUse = await OkAsync(HttpMethod.Post, project, "gates", new { gate = "in_use", date = Day(0), documentReference = "开园批复" });

        Assert.Equal("commissioned", inUse.GetProperty("status").GetString());
        var grown = await Eventually.Until(() => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places > school.Places,
            "Planning to add the places");
        Assert.Equal(school.Places + 2 * 45, grown.Places);
        // Workforce heard at completion (竣工) and at commissioning that the classes will need teachers.
        await Eventually.Until(() =>
            suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/workforce/staffing/requirements?districtCode=120106")!,
            r => r!.Where(x => x.GetProperty("projectId").GetGuid() == project).Select(x => x.GetProperty("milestone").GetString())
                .Order(StringComparer.Ordinal)
                .SequenceEqual(["commissioned", "completion"]), "Workforce to receive the requirements at completion and commissioning");
    }

    [Fact]
    public async Task A_project_for_a_nine_year_school_adds_places_in_each_of_its_stages()
    {
        var registered = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "红桥区九年一贯制测试学校", districtCode = "120106", zoneId = await suite.Gateway.AddZoneAsync(), ownership = "public",
            status = "open",
            stages = new object[]
            {
                new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } },
                new { stage = "junior_secondary", classesPerGrade = new[] { 2, 2, 2 } },
            },
        });
        var school = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!;
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);

        var twice = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            schoolId = school.Id, name = "九年一贯制扩建", stage = "primary", classesAdded = 2,
            otherStages = new[] { new { stage = "primary", classes = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("otherStages[0].stage", await twice.Content.ReadAsStringAsync());

        var created = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            schoolId = school.Id, name = "九年一贯制扩建", stage = "primary", classesAdded = 2,
            otherStages = new[] { new { stage = "junior_secondary", classes = 3 } },
        });
        await SuiteApi.EnsureAsync(created);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(project));
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project));

        // 2 primary classes at 45 and 3 junior classes at 50: each stage's capacity grows.
        var grown = await Eventually.Until(() => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places == school.Places + 90 + 150,
            "Planning to add both stages' places");
        Assert.Equal([(12 * 45 + 90), (6 * 50 + 150)], grown.Stages.Select(s => s.Places));
        var requirements = await Eventually.Until(() =>
            suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/workforce/staffing/requirements?districtCode=120106")!,
            r => r!.Count(x => x.GetProperty("projectId").GetGuid() == project) == 4,
            "Workforce to receive a requirement per stage at approval and commissioning");
        Assert.Equal(["junior_secondary", "junior_secondary", "primary", "primary"],
            requirements!.Where(x => x.GetProperty("projectId").GetGuid() == project).Select(x => x.GetProperty("stage").GetString())
                .Order(StringComparer.Ordinal));
    }
}

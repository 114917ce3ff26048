using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// A 交流轮岗 plan from generation to completion through the gateway: quotas, explanations, a manual edit with the quota
/// checked live, the approval workflow, teachers moving and returning on their dates (the day before, of and after),
/// an early return, and the persons / person-times report. In 河东区 (120102), where no other test has teachers.
/// The plan is for school year 2027, which begins after today (2026-12): starting it moves nobody yet.
/// </summary>
[Collection(SuiteCollection.Name)]
public class RotationTests(SuiteFixture suite)
{
    private const string District = "120102";

    private async Task<Guid> SchoolAsync(
        Guid zoneId, string name, int strength, Dictionary<string, int> posts, string stage = "primary", string district = District)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name, districtCode = district, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage, classesPerGrade = stage == "primary" ? new[] { 4, 4, 4, 4, 4, 4 } : new[] { 3, 3, 3 } } },
        });
        await SuiteApi.EnsureAsync(response);
        var id = (await response.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("workforce", id);
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/schools/{id}/profile",
            new { strength, groupName = "河东一集团" }));
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/schools/{id}/posts", posts));
        return id;
    }

    private async Task<JsonElement> StepAsync(Guid plan, string step, object body)
    {
        var response = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{plan}/{step}", body);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The school a teacher's postings put them in on a day (today when null), as the teachers list says.</summary>
    private async Task<Guid> SchoolOnAsync(string staffNumber, string? day)
    {
        var teachers = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/teachers?districtCode={District}" + (day is null ? "" : $"&asOf={day}")))!;
        return teachers.Single(t => t.GetProperty("staffNumber").GetString() == staffNumber).GetProperty("schoolId").GetGuid();
    }

    [Fact]
    public async Task A_plan_meets_its_quotas_explains_itself_and_moves_teachers_out_and_back()
    {
        var zone = await suite.Gateway.AddZoneAsync(District);
        var strong = await SchoolAsync(zone, "河东轮岗强校", 5, new() { ["数学"] = 8 });
        var weak = await SchoolAsync(zone, "河东轮岗弱校", 2, new() { ["数学"] = 5 });
        var weakest = await SchoolAsync(zone, "河东轮岗薄弱校", 1, new() { ["数学"] = 1 });
        // Ten eligible 数学 teachers at the strong school (one of them backbone), one too new there and one on contract.
        var csv = new StringBuilder("工号,姓名,性别,出生日期,学校名称,到校时间,任教学科,职称,骨干级别,编制\n");
        for (var i = 1; i <= 10; i++)
            csv.Append($"HD{i:00},教师{i:00},男,1985-01-{i:00},{strong},2012-09-01,数学,一级,{(i == 10 ? "区级" : "无")},在编\n");
        csv.Append($"HD11,新教师,女,1998-05-01,{strong},2024-09-01,数学,二级,无,在编\nHD12,合同教师,女,1990-05-01,{strong},2010-09-01,数学,二级,无,合同\n");
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import", csv.ToString());

        var eligible = (await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/workforce/rotation/eligible?districtCode={District}&year=2027")).GetProperty("schools").EnumerateArray();
        Assert.Equal(10,
            eligible.Single(s => s.GetProperty("schoolId").GetString() == strong.ToString()).GetProperty("eligible").GetInt32());

        var created = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans", new { districtCode = District, year = 2027 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        var planId = plan.GetProperty("id").GetGuid();
        var quota = plan.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetString() == strong.ToString());
        Assert.Equal((10, 1, 1, 1),
            (quota.GetProperty("eligible").GetInt32(), quota.GetProperty("quota").GetInt32(), quota.GetProperty("selected").GetInt32(),
                quota.GetProperty("backboneSelected").GetInt32()));
        var selected = plan.GetProperty("assignments").EnumerateArray().Single();
        // the backbone teacher, to the 数学 gap
        Assert.Equal(("教师10", weak), (selected.GetProperty("teacherName").GetString(), selected.GetProperty("toSchoolId").GetGuid()));
        var reasons = plan.GetProperty("teachers").EnumerateArray().ToDictionary(
            t => t.GetProperty("teacherId").GetString()!,
            t => t.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList());
        Assert.Equal(12, reasons.Count);
        var teachers = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/teachers?schoolId={strong}"))!
            .ToDictionary(t => t.GetProperty("staffNumber").GetString()!, t => t.GetProperty("id").GetGuid());
        Assert.Equal(["tenure"], reasons[teachers["HD11"].ToString()]);
        Assert.Equal(["not_in_establishment"], reasons[teachers["HD12"].ToString()]);
        // The plan keeps its explanations in both languages: each reads in the language the reader asks for.
        foreach (var (language, chinese) in new[] { ("zh-CN", true), ("en", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/workforce/rotation/plans/{planId}");
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            var read = await (await suite.Gateway.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            var tenure = read.GetProperty("teachers").EnumerateArray().Single(t => t.GetProperty("teacherId").GetString()
                == teachers["HD11"].ToString()).GetProperty("reasons")[0].GetProperty("text").GetString()!;
            Assert.Equal(chinese, tenure.Any(c => c is >= '\u4e00' and <= '\u9fff'));
        }

        // A manual edit: one more teacher, to the weakest school; the quota check follows. An ineligible one is refused.
        var edited = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments",
            new { teacherId = teachers["HD01"], toSchoolId = weakest });
        await SuiteApi.EnsureAsync(edited);
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("district").GetProperty("rotated").GetInt32());
        var ineligible = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments",
            new { teacherId = teachers["HD11"], toSchoolId = weakest });
        Assert.Equal(HttpStatusCode.BadRequest, ineligible.StatusCode);
        Assert.Contains("未满 6 年", await ineligible.Content.ReadAsStringAsync());
        // A primary teacher does not go to a kindergarten, even one short of their subject.
        var kindergarten = await SchoolAsync(zone, "河东轮岗幼儿园", 1, new() { ["数学"] = 2 }, "kindergarten");
        var otherStage = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments",
            new { teacherId = teachers["HD03"], toSchoolId = kindergarten });
        Assert.Equal(HttpStatusCode.BadRequest, otherStage.StatusCode);
        Assert.Contains("不跨学段",
            (await otherStage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("toSchoolId")[0].GetString());

        // The workflow: approving a draft is refused; submit, approve and start move the teachers.
        Assert.Equal(HttpStatusCode.Conflict,
            (await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/approve", new { })).StatusCode);
        // Without its backbone teacher the strong school breaks its quota: the draft is flagged, and approval names the school.
        await SuiteApi.EnsureAsync(await suite.Gateway.DeleteAsync(
            $"/api/workforce/rotation/plans/{planId}/assignments/{teachers["HD10"]}?actor={Uri.EscapeDataString(ForgedActor.Name)}"));
        var broken = await StepAsync(planId, "submit", new { });
        Assert.False(broken.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetString() == strong.ToString())
            .GetProperty("met").GetBoolean());
        var refused = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/approve", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([$"schools.{strong}", "district"], refusal.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains("河东轮岗强校：骨干教师 0 人", refusal.GetProperty("errors").GetProperty($"schools.{strong}")[0].GetString());
        await StepAsync(planId, "return", new { note = "骨干教师名额未满足" });
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments",
            new { teacherId = teachers["HD10"], toSchoolId = weak }));
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments",
            new { teacherId = teachers["HD02"], toSchoolId = weak }));
        await StepAsync(planId, "submit", new { });
        // The bureau's head approves; a name in the body changes nothing: the history names the token's user.
        using var head = suite.ClientFor("gateway", suite.TokenAs("hd.head", "河东区教育局局长", District, Roles.Hr));
        var approved = await head.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/approve", new { actor = ForgedActor.Name });
        await SuiteApi.EnsureAsync(approved);
        var approval = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("approve", "hd.head", "河东区教育局局长"),
            (approval.GetProperty("action").GetString(), approval.GetProperty("userName").GetString(),
                approval.GetProperty("displayName").GetString()));
        // Starting moves each teacher on the reference date, 1 September 2027, not today: until then every count and
        // list sees them at home.
        await StepAsync(planId, "start", new { });
        Assert.Equal([strong, strong, weak, weak], [await SchoolOnAsync("HD10", null), await SchoolOnAsync("HD10", "2027-08-31"),
            await SchoolOnAsync("HD10", "2027-09-01"), await SchoolOnAsync("HD10", "2027-09-02")]);
        // Saving HD10's record unchanged meanwhile leaves the planned move alone.
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = "HD10", name = "教师10", gender = "男", birthDate = "1985-01-10", schoolId = strong, atSchoolSince = "2012-09-01",
            subjects = new[] { "数学" }, title = "一级", backbone = "区级", establishment = "在编",
        }));
        Assert.Equal([strong, weak], [await SchoolOnAsync("HD10", "2027-08-31"), await SchoolOnAsync("HD10", "2027-09-01")]);
        var moved = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{teachers["HD10"]}");
        Assert.Equal(strong, moved.GetProperty("teacher").GetProperty("schoolId").GetGuid());
        Assert.Equal(("rotation", "2027-09-01"), moved.GetProperty("postings").EnumerateArray().Last() is var posting
            ? (posting.GetProperty("origin").GetString(), posting.GetProperty("fromDate").GetString()) : default);

        // An early return is its own step, with a date inside the term and a reason; it acts on its date too.
        var tooEarly = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments/{teachers["HD02"]}/return",
            new { on = "2027-09-01", reason = "病休" });
        Assert.Equal(["on"],
            (await tooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var noReason = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments/{teachers["HD02"]}/return",
            new { on = "2028-03-01" });
        Assert.Equal(["reason"],
            (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var early = await StepAsync(planId, $"assignments/{teachers["HD02"]}/return", new { on = "2028-03-01", reason = "病休" });
        var returned = early.GetProperty("assignments").EnumerateArray()
            .Single(a => a.GetProperty("teacherId").GetGuid() == teachers["HD02"]);
        Assert.Equal(("returned", "2028-03-01", "病休"), (returned.GetProperty("outcome").GetString(),
            returned.GetProperty("returnsOn").GetString(), returned.GetProperty("returnReason").GetString()));
        Assert.Equal([weak, weak, strong, strong], [await SchoolOnAsync("HD02", "2027-09-01"), await SchoolOnAsync("HD02", "2028-02-29"),
            await SchoolOnAsync("HD02", "2028-03-01"), await SchoolOnAsync("HD02", "2028-03-02")]);
        var twice = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{planId}/assignments/{teachers["HD02"]}/return",
            new { on = "2028-04-01", reason = "病休" });
        Assert.Equal(["teacherId"],
            (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        await StepAsync(planId, "assignments/" + teachers["HD01"] + "/extend", new { years = 1 });
        var completed = await StepAsync(planId, "complete",
            new { outcomes = new Dictionary<Guid, string> { [teachers["HD01"]] = "stayed" } });
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        // Completing sends HD10 home at the end of the three-year term (today they have not even left); HD01 stays where
        // they were sent.
        Assert.Equal([strong, weak, strong, strong], [await SchoolOnAsync("HD10", null), await SchoolOnAsync("HD10", "2030-08-31"),
            await SchoolOnAsync("HD10", "2030-09-01"), await SchoolOnAsync("HD10", "2030-09-02")]);
        var back = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{teachers["HD10"]}");
        Assert.Equal(["import", "rotation", "return"],
            back.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("origin").GetString()));
        Assert.Equal([strong, weakest, weakest], [await SchoolOnAsync("HD01", null), await SchoolOnAsync("HD01", "2027-09-01"),
            await SchoolOnAsync("HD01", "2032-09-01")]);
        Assert.Equal(["generate", "assign", "unassign", "submit", "return", "assign", "assign", "submit", "approve", "start",
                "return_early", "extend", "complete"],
            completed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(suite.GatewayUserName, completed.GetProperty("events")[2].GetProperty("userName").GetString()); // unassign
        await ForgedActor.AssertNotRecordedAsync(suite, "workforcedb", "rotation_plan_events", completed.GetRawText());

        var report = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/rotation/report?districtCode={District}"))!;
        var year = report.Single(r => r.GetProperty("year").GetInt32() == 2027);
        Assert.Equal((3, 3, 1, 1.0 / 3), (year.GetProperty("persons").GetInt32(), year.GetProperty("personTimes").GetInt32(),
            year.GetProperty("backbonePersonTimes").GetInt32(), year.GetProperty("backboneShare").GetDouble()));

        // Staffing counts the weakest school's 数学 teacher from the day HD01 arrives, not before.
        foreach (var (day, actual) in new[] { ("2027-08-31", 0), ("2027-09-01", 1) })
        {
            var staffing = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
                $"/api/workforce/staffing?districtCode={District}&asOf={day}"))!;
            var weakestStaffing = staffing.Single(s => s.GetProperty("schoolId").GetGuid() == weakest);
            Assert.Equal(["体育", "美术", "音乐"], weakestStaffing.GetProperty("missingArtsAndSports").EnumerateArray()
                .Select(s => s.GetString()).Order(StringComparer.Ordinal));
            Assert.Equal((1, actual, actual - 1), weakestStaffing.GetProperty("subjects").EnumerateArray()
                .Where(s => s.GetProperty("subject").GetString() == "数学")
                .Select(s => (s.GetProperty("approved").GetInt32(), s.GetProperty("actual").GetInt32(),
                    s.GetProperty("balance").GetInt32()))
                .Single());
        }

        // One plan a year: the 2027 plan is past its draft, so another 2027 plan is refused.
        var again = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans", new { districtCode = District, year = 2027 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Nobody rotates twice: in 2028, HD10 is still away (home on 2030-09-01) and says so. A second 2028 draft
        // replaces the first.
        var first2028 = await SuiteApi.ReadAsync<JsonElement>(await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans",
            new { districtCode = District, year = 2028 }));
        var plan2028 = await SuiteApi.ReadAsync<JsonElement>(await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans",
            new { districtCode = District, year = 2028 }));
        var plans = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/rotation/plans?districtCode={District}"))!;
        Assert.Equal([plan2028.GetProperty("id").GetGuid()],
            plans.Where(p => p.GetProperty("year").GetInt32() == 2028).Select(p => p.GetProperty("id").GetGuid()));
        Assert.NotEqual(first2028.GetProperty("id").GetGuid(), plan2028.GetProperty("id").GetGuid());
        var hd10 = plan2028.GetProperty("teachers").EnumerateArray()
            .Single(t => t.GetProperty("teacherId").GetString() == teachers["HD10"].ToString());
        Assert.Contains("2030-09-01 返回",
            hd10.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "rotating")
            .GetProperty("text").GetString());

        // Without an eligible backbone teacher left, the strong school's backbone target is waived, saying why; the plan
        // says how its quota is counted.
        var strong2028 = plan2028.GetProperty("schools").EnumerateArray()
            .Single(q => q.GetProperty("schoolId").GetString() == strong.ToString());
        Assert.Equal((0, "backbone_waived"), (strong2028.GetProperty("backboneTarget").GetInt32(),
            strong2028.GetProperty("waived")[0].GetProperty("code").GetString()));
        Assert.Equal("school", plan2028.GetProperty("policy").GetProperty("quotaUnit").GetString());

        // Eligibility is checked again at submit: a teacher exempted since the draft holds it up, named with the reason.
        var chosen = plan2028.GetProperty("assignments")[0];
        var staffNumber = teachers.Single(t => t.Value == chosen.GetProperty("teacherId").GetGuid()).Key;
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber, name = chosen.GetProperty("teacherName").GetString(), gender = "男", birthDate = $"1985-01-{staffNumber[2..]}",
            schoolId = strong, atSchoolSince = "2012-09-01", subjects = new[] { "数学" }, title = "一级", establishment = "在编",
            exemption = "病休",
            exemptionFrom = "2028-03-01", exemptionTo = "2029-02-28",
        }));
        var freeText = await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber, name = "任意", gender = "男", birthDate = "1985-01-01", schoolId = strong, atSchoolSince = "2012-09-01",
            subjects = new[] { "数学" }, title = "一级", establishment = "在编", exemption = "家里有事", exemptionFrom = "2028-03-01",
            exemptionTo = "2029-02-28",
        });
        Assert.Equal(["exemption"],
            (await freeText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var stale = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{plan2028.GetProperty("id").GetGuid()}/submit",
            new { });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var staleErrors = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("病休", staleErrors.GetProperty($"assignments.{chosen.GetProperty("teacherId").GetGuid()}")[0].GetString());
    }

    [Fact]
    public async Task A_policy_out_of_range_and_an_empty_district_are_refused()
    {
        var bad = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans",
            new { districtCode = "120119", year = 2026, policy = new { quotaShare = 2.0, termYears = 9 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["policy.quotaShare", "policy.termYears"], fields);

        // A reference date outside the plan's school year (1 September 2026 to 31 August 2027) is refused, naming it.
        foreach (var outside in new[] { "2026-08-31", "2027-09-01" })
        {
            var misdated = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans",
                new { districtCode = "120119", year = 2026, referenceDate = outside });
            Assert.Equal(["referenceDate"],
                (await misdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }

        var empty = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans", new { districtCode = "120119", year = 2026 });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("还没有教师", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_years_plans_submitted_at_once_cannot_both_keep_a_teacher()
    {
        const string Beichen = "120113"; // 北辰区: no other test has teachers or plans there
        var zone = await suite.Gateway.AddZoneAsync(Beichen);
        var strong = await SchoolAsync(zone, "北辰轮岗强校", 5, new() { ["数学"] = 2 }, district: Beichen);
        await SchoolAsync(zone, "北辰轮岗弱校", 1, new() { ["数学"] = 4 }, district: Beichen);
        var csv = new StringBuilder("工号,姓名,性别,出生日期,学校名称,到校时间,任教学科,职称,骨干级别,编制\n");
        for (var i = 1; i <= 4; i++)
            csv.Append($"BC{i:00},北辰教师{i:00},男,1985-02-{i:00},{strong},2012-09-01,数学,一级,无,在编\n");
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import", csv.ToString());
        var plans = new List<(Guid Id, IReadOnlyList<Guid> Teachers)>();
        foreach (var year in new[] { 2027, 2028 })
        {
            var created = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans", new { districtCode = Beichen, year });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
            plans.Add((plan.GetProperty("id").GetGuid(), [.. plan.GetProperty("assignments").EnumerateArray()
                .Select(a => a.GetProperty("teacherId").GetGuid())]));
        }
        var shared = plans[0].Teachers.Intersect(plans[1].Teachers).ToList();
        Assert.NotEmpty(shared); // both drafts send the longest-serving teacher

        // Each submit checks its teachers against the other plans: the second to take the district's plans sees the
        // first submitted and refuses, naming the teacher. Without that, both read the other as a draft and kept them.
        var answers = await Task.WhenAll(plans.Select(plan =>
            suite.Gateway.PostAsJsonAsync($"/api/workforce/rotation/plans/{plan.Id}/submit", new { })));
        Assert.Single(answers, answer => answer.IsSuccessStatusCode);
        var refused = answers.Single(answer => !answer.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"assignments.{shared[0]}", (await refused.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_eligibility_list_and_new_plans_follow_the_districts_own_policy()
    {
        const string Wuqing = "120114"; // 武清区, where no other test has teachers
        var school = await suite.Gateway.RegisterSchoolAsync("武清轮岗政策测试小学", district: Wuqing);
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);
        // Eight full years at the school on 1 September 2027.
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import",
            "工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,骨干级别,编制\n" +
            $"WQ1,武清教师,男,1985-01-01,{school.Id},2019-09-01,数学,一级,无,在编\n");
        async Task<(bool IsDefault, int MinYears, int Eligible)> ListAsync()
        {
            var list = await suite.Gateway.GetFromJsonAsync<JsonElement>(
                $"/api/workforce/rotation/eligible?districtCode={Wuqing}&year=2027");
            var policy = list.GetProperty("policy");
            return (policy.GetProperty("isDefault").GetBoolean(), policy.GetProperty("policy").GetProperty("minYearsAtSchool").GetInt32(),
                list.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetGuid() == school.Id)
                    .GetProperty("eligible").GetInt32());
        }

        Assert.Equal((true, 6, 1), await ListAsync());

        // The district asks ten years at a school: the list says so, and the teacher of eight is no longer eligible.
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/rotation/policy/{Wuqing}",
            new { minYearsAtSchool = 10, termYears = 2 }));
        Assert.Equal((false, 10, 0), await ListAsync());

        // A plan generated without a policy of its own follows the district's.
        var created = await suite.Gateway.PostAsJsonAsync("/api/workforce/rotation/plans", new { districtCode = Wuqing, year = 2027 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var policy = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policy");
        Assert.Equal((10, 2), (policy.GetProperty("minYearsAtSchool").GetInt32(), policy.GetProperty("termYears").GetInt32()));

        // A rule out of range is refused, named, and the district's policy stays.
        var bad = await suite.Gateway.PutAsJsonAsync($"/api/workforce/rotation/policy/{Wuqing}", new { minYearsAtSchool = 99 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("minYearsAtSchool", await bad.Content.ReadAsStringAsync());
        var kept = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/rotation/policy/{Wuqing}");
        Assert.Equal(10, kept.GetProperty("policy").GetProperty("minYearsAtSchool").GetInt32());
    }
}

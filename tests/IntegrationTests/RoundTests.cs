using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// A 区管校聘 round from posts to appointments through the gateway: 校内竞聘, 跨校竞聘, 组织调剂 and 待岗培训, every step
/// audited. In 宁河区 (120117), whose other tests look only at their own zones and have no teachers.
/// </summary>
[Collection(SuiteCollection.Name)]
public class RoundTests(SuiteFixture suite)
{
    private const string District = "120117";

    private async Task<Guid> SchoolAsync(string name, Dictionary<string, int> approved)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name, districtCode = District, zoneId = await suite.Gateway.AddZoneAsync(District), ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
        });
        var id = (await response.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("workforce", id);
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/schools/{id}/posts", approved));
        return id;
    }

    private async Task<JsonElement> PostAsync(Guid round, string step, object body)
    {
        var response = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/{step}", body);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_round_places_teachers_step_by_step_and_turns_the_result_into_appointments()
    {
        var a = await SchoolAsync("宁河竞聘甲校", new() { ["数学"] = 3, ["语文"] = 2 });
        var b = await SchoolAsync("宁河竞聘乙校", new() { ["数学"] = 2 });
        var csv = new StringBuilder("工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,编制,参加工作时间\n");
        foreach (var (number, school, subject) in new[] { ("RA1", a, "数学"), ("RA2", a, "数学"), ("RA3", a, "数学"), ("RA4", a, "数学"),
                     ("RA5", a, "语文"), ("RA6", a, "数学"), ("RB1", b, "数学"), ("RB2", b, "语文") })
            csv.Append($"{number},教师{number},女,1985-01-01,{school},2015-09-01,{subject},一级,在编,2008-09-01\n");
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import", csv.ToString());
        var ids = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/teachers?districtCode={District}"))!
            .ToDictionary(t => t.GetProperty("staffNumber").GetString()!, t => t.GetProperty("id").GetGuid());

        var opened = await suite.Gateway.PostAsJsonAsync("/api/workforce/rounds",
            new { districtCode = District, termFrom = "2026-09-01", termTo = "2029-08-31" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Posts within the approved ones: 4 数学 posts at 甲 is one more than approved.
        var tooMany = await suite.Gateway.PutAsJsonAsync($"/api/workforce/rounds/{round}/posts",
            new { schoolId = a, posts = new Dictionary<string, int> { ["数学"] = 4 } });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/rounds/{round}/posts",
            new { schoolId = a, posts = new Dictionary<string, int> { ["数学"] = 3, ["语文"] = 2 } }));
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/rounds/{round}/posts",
            new { schoolId = b, posts = new Dictionary<string, int> { ["数学"] = 2 } }));

        // 校内竞聘: each school chooses among its own; 甲 cannot take 乙's teacher.
        await PostAsync(round, "advance", new { });
        var notOwn = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/choices",
            new { schoolId = a, teacherIds = new[] { ids["RB1"] } });
        Assert.Equal(HttpStatusCode.BadRequest, notOwn.StatusCode);
        await PostAsync(round, "choices", new { schoolId = a, teacherIds = new[] { ids["RA1"], ids["RA2"], ids["RA3"], ids["RA5"] } });
        await PostAsync(round, "choices", new { schoolId = b, teacherIds = new[] { ids["RB1"] } });

        // 跨校竞聘: RA4 asks for 乙, which chooses RA4; RA6 asks too but 乙 has no 数学 post left. A second user who
        // also saw 校内竞聘 and clicks on is refused, not moved a step further.
        await PostAsync(round, "advance?from=internal", new { });
        var stale = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/advance?from=internal", new { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var unknown = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/advance?from=closed", new { });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["from"],
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await PostAsync(round, "preferences", new { teacherId = ids["RA4"], schoolIds = new[] { b } });
        var asked = await PostAsync(round, "preferences", new { teacherId = ids["RA6"], schoolIds = new[] { b, a } });
        Assert.Equal([b, a],
            asked.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("teacherId").GetGuid() == ids["RA6"])
            .GetProperty("preferences").EnumerateArray().Select(p => p.GetGuid()));
        await PostAsync(round, "choices", new { schoolId = b, teacherIds = new[] { ids["RA4"] } });
        var full = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/choices",
            new { schoolId = b, teacherIds = new[] { ids["RA6"] } });
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);

        // 组织调剂: RB2 (语文) goes to 甲's open 语文 post; RA6 has nowhere to go and is sent to 待岗培训. Closing needs everyone settled.
        await PostAsync(round, "advance", new { });
        await PostAsync(round, "placements/auto", new { });
        var unsettled = await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/advance", new { });
        Assert.Equal(HttpStatusCode.BadRequest, unsettled.StatusCode);
        await PostAsync(round, "unplaced", new { teacherId = ids["RA6"], outcome = "training", actor = ForgedActor.Name });
        // The district's head closes the round: the history names the token's user, whatever a body says.
        using var head = suite.ClientFor("gateway", suite.TokenAs("nh.head", "宁河区教育局局长", District, Roles.Hr));
        var closing = await head.PostAsJsonAsync($"/api/workforce/rounds/{round}/advance", new { actor = ForgedActor.Name });
        await SuiteApi.EnsureAsync(closing);
        var closed = await closing.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("closed", closed.GetProperty("stage").GetString());
        var placed = closed.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("teacherId").GetGuid());
        Assert.Equal((b, "crossSchool"),
            (placed[ids["RA4"]].GetProperty("placedSchoolId").GetGuid(), placed[ids["RA4"]].GetProperty("placedIn").GetString()));
        Assert.Equal((a, "placement"),
            (placed[ids["RB2"]].GetProperty("placedSchoolId").GetGuid(), placed[ids["RB2"]].GetProperty("placedIn").GetString()));
        Assert.Equal("training", placed[ids["RA6"]].GetProperty("unplacedOutcome").GetString());
        Assert.Equal(["open", "set_posts", "set_posts", "advance_to_internal", "choose", "choose", "advance_to_cross_school", "prefer",
            "prefer", "choose", "advance_to_placement", "place_automatically", "unplaced", "advance_to_closed"],
            closed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([(suite.GatewayUserName, "测试用户"), ("nh.head", "宁河区教育局局长")], closed.GetProperty("events").EnumerateArray()
            .TakeLast(2).Select(e => (e.GetProperty("userName").GetString(), e.GetProperty("displayName").GetString())));
        await ForgedActor.AssertNotRecordedAsync(suite, "workforcedb", "round_events", closed.GetRawText());

        // Teachers placed in another school move there from the start of the term.
        var moved = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{ids["RA4"]}");
        Assert.Equal(b, moved.GetProperty("teacher").GetProperty("schoolId").GetGuid());
        Assert.Equal(("2026-09-01", "appointment"),
            (moved.GetProperty("postings").EnumerateArray().Last().GetProperty("fromDate").GetString(),
                moved.GetProperty("postings").EnumerateArray().Last().GetProperty("origin").GetString()));
        Assert.Equal(HttpStatusCode.Conflict,
            (await suite.Gateway.PostAsJsonAsync($"/api/workforce/rounds/{round}/advance", new { })).StatusCode);
    }
}

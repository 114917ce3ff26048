using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// The training ledger through the gateway: providers' files, 东丽-style rules, status, school rates and alerts.
/// In 和平区 (120101), whose Planning data is births only.
/// </summary>
[Collection(SuiteCollection.Name)]
public class TrainingTests(SuiteFixture suite)
{
    private const string District = "120101";

    [Fact]
    public async Task Hours_are_judged_against_both_kinds_of_rule_and_teachers_who_cannot_finish_are_alerted()
    {
        var zone = await suite.Gateway.AddZoneAsync(District);
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "和平培训测试小学", districtCode = District, zoneId = zone, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
        });
        var school = (await response.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("workforce", school);
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import",
            "工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,编制,参加工作时间\n" +
            $"NK1,新教师,女,2001-05-01,{school},2026-09-01,语文,未定级,在编,2026-09-01\n" +
            $"NK2,老教师,男,1980-05-01,{school},2010-09-01,数学,高级,在编,2003-09-01\n" +
            $"NK3,缺课教师,男,1982-05-01,{school},2012-09-01,英语,一级,在编,2005-09-01\n");
        var rules = await suite.Gateway.PutAsJsonAsync($"/api/workforce/training/rules/{District}",
            new object[]
            {
                new { kind = "cycle", hours = 360, years = 5, firstCycleStart = 2021, newTeacherHours = 120 },
                new { kind = "annual", hours = 96 }
            });
        await SuiteApi.EnsureAsync(rules);

        var badCsv = "工号,课程名称,培训级别,类别,学时,培训日期\n" +
            "NK1,新任教师培训,区级,新任教师,30,2026-10-10\n" +
            "NOBODY,课程,市级,全员,10,2026-03-01\n" +
            "NK2,课程,省级,全员,-3,2026-03-01\n" +
            "NK3,课程,区级,全员,NaN,2026-03-01\n";
        var bad = await suite.Gateway.PostAsync("/api/workforce/training/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(badCsv)),
                "file", "provider.csv" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "工号"), (4, "培训级别"), (4, "学时"), (5, "学时")], rows);

        await suite.Gateway.ImportAsync("/api/workforce/training/import",
            "工号,课程名称,培训级别,类别,学时,培训日期,培训机构\n" +
            "NK1,新任教师培训,区级,新任教师,30,2026-10-10,南开区教师发展中心\nNK2,骨干研修,市级,骨干,100,2026-05-01,\nNK3,全员培训,校级,全员,10,2026-02-01,\n");

        var status = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
                $"/api/workforce/training/status?districtCode={District}&asOf=2026-11-20"))!
            .ToDictionary(t => t.GetProperty("staffNumber").GetString()!);
        // NK1: 120 in the first year is on track (30 against 26.6), but 96 a year is not (30 against 85.2),
        // and 66 more cannot fit in 41 days.
        Assert.Equal(("behind", true),
            (status["NK1"].GetProperty("status").GetString(), status["NK1"].GetProperty("cannotFinish").GetBoolean()));
        Assert.Equal(["onTrack", "behind"],
            status["NK1"].GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        // NK2: 100 hours: ahead of the 2026-2030 cycle and done for the year.
        Assert.Equal(("onTrack", false),
            (status["NK2"].GetProperty("status").GetString(), status["NK2"].GetProperty("cannotFinish").GetBoolean()));
        Assert.Equal(("behind", true),
            (status["NK3"].GetProperty("status").GetString(), status["NK3"].GetProperty("cannotFinish").GetBoolean()));

        var alerts = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/alerts?districtCode={District}&asOf=2026-11-20"))!;
        Assert.Equal(["NK1", "NK3"], alerts.Select(a => a.GetProperty("staffNumber").GetString()).Order(StringComparer.Ordinal));
        // At 100 hours a month, the 66 and 86 hours still needed fit in the 41 days left.
        Assert.Empty((await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/alerts?districtCode={District}&asOf=2026-11-20&maxHoursPerMonth=100"))!);
        var schools = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/schools?districtCode={District}&asOf=2026-11-20"))!;
        var rates = schools.Single(s => s.GetProperty("schoolId").GetGuid() == school);
        Assert.Equal((3, 0, 1, 2),
            (rates.GetProperty("teachers").GetInt32(), rates.GetProperty("done").GetInt32(),
             rates.GetProperty("onTrack").GetInt32(), rates.GetProperty("behind").GetInt32()));

        var export = await suite.Gateway.GetAsync($"/api/workforce/training/status/export?districtCode={District}&asOf=2026-11-20");
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "training.xlsx");
        Assert.Equal(1 + 3 * 2, sheet.Count); // a header, then each teacher under both rules

        var badRules = await suite.Gateway.PutAsJsonAsync($"/api/workforce/training/rules/{District}",
            new object[] { new { kind = "annual", hours = -1 } });
        Assert.Equal(HttpStatusCode.BadRequest, badRules.StatusCode);
        Assert.Contains("[0].hours", await badRules.Content.ReadAsStringAsync());
    }
}

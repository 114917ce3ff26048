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
                // From 2026: this test is about the periods running (the next one, about periods that ended).
                new { kind = "cycle", hours = 360, years = 5, firstCycleStart = 2026, newTeacherHours = 120 },
                new { kind = "annual", hours = 96, firstCycleStart = 2026 }
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
        // NK1: 120 in the first year is on track (30 against 26.6). Hired on 1 September, it owes 96 × 122 / 365 = 32.1
        // of this year's 96, of which 21.3 by now: on track too, but still owing near the year's end.
        Assert.Equal(("onTrack", false),
            (status["NK1"].GetProperty("status").GetString(), status["NK1"].GetProperty("cannotFinish").GetBoolean()));
        var nk1 = status["NK1"].GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal([("onTrack", 120.0, false), ("onTrack", 32.1, true)],
            nk1.Select(r => (r.GetProperty("status").GetString(), r.GetProperty("required").GetDouble(),
                r.GetProperty("dueSoon").GetBoolean())));
        // NK2: 100 hours: ahead of the 2026-2030 cycle and done for the year.
        Assert.Equal(("onTrack", false),
            (status["NK2"].GetProperty("status").GetString(), status["NK2"].GetProperty("cannotFinish").GetBoolean()));
        Assert.Equal(("behind", true),
            (status["NK3"].GetProperty("status").GetString(), status["NK3"].GetProperty("cannotFinish").GetBoolean()));

        var alerts = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/alerts?districtCode={District}&asOf=2026-11-20"))!;
        Assert.Equal(["NK1", "NK3"], alerts.Select(a => a.GetProperty("staffNumber").GetString()).Order(StringComparer.Ordinal));
        // At 100 hours a month, the 66 and 86 hours still needed fit in the 41 days left (and without the deadline's
        // alert window, nobody is raised).
        Assert.Empty((await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/alerts?districtCode={District}&asOf=2026-11-20&maxHoursPerMonth=100&alertMonths=0"))!);
        var schools = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/schools?districtCode={District}&asOf=2026-11-20"))!;
        var rates = schools.Single(s => s.GetProperty("schoolId").GetGuid() == school);
        Assert.Equal((3, 0, 2, 1),
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

    [Fact]
    public async Task A_period_that_ended_short_stays_on_record_and_hours_owed_are_raised_three_months_before_the_deadline()
    {
        const string Hexi = "120103"; // 河西区, where no other test has teachers
        var school = await suite.Gateway.RegisterSchoolAsync("河西继续教育测试小学", district: Hexi);
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import",
            "工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,编制,参加工作时间\n" +
            $"HD1,完成教师,女,1985-05-01,{school.Id},2010-09-01,语文,一级,在编,2008-09-01\n" +
            $"HD2,欠学时教师,男,1983-05-01,{school.Id},2011-09-01,数学,一级,在编,2006-09-01\n" +
            $"HD3,新教师,女,2002-05-01,{school.Id},2025-03-01,英语,未定级,在编,2025-03-01\n");
        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/workforce/training/rules/{Hexi}",
            new object[]
            {
                new { kind = "cycle", hours = 360, years = 5, firstCycleStart = 2021, newTeacherHours = 120 },
                new { kind = "annual", hours = 96, firstCycleStart = 2026 }
            }));
        // HD1 did the 2021-2025 cycle's 360 and this year's 96; HD2 300 of 360, and 50 this year; HD3, hired in
        // March 2025, 100 of the 120 of its first year (to 28 February 2026).
        await suite.Gateway.ImportAsync("/api/workforce/training/import",
            "工号,课程名称,培训级别,类别,学时,培训日期\n" +
            "HD1,周期研修,区级,全员,360,2024-05-01\nHD1,年度研修,区级,全员,96,2026-03-01\n" +
            "HD2,周期研修,区级,全员,300,2024-05-01\nHD2,年度研修,区级,全员,50,2026-03-01\n" +
            "HD3,新任教师培训,区级,新任教师,100,2025-06-01\n");

        async Task<Dictionary<string, JsonElement>> StatusAsync(string day, string query = "") =>
            (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
                $"/api/workforce/training/status?districtCode={Hexi}&schoolId={school.Id}&asOf={day}{query}"))!
            .ToDictionary(t => t.GetProperty("staffNumber").GetString()!);
        static List<(string?, string?)> Periods(JsonElement teacher) =>
            [.. teacher.GetProperty("rules").EnumerateArray()
                .Select(r => (r.GetProperty("status").GetString(), r.GetProperty("from").GetString()))];

        // The cycle's last day it is still running, HD2 behind; from the next day on it stays missed.
        Assert.DoesNotContain(Periods((await StatusAsync("2025-12-31"))["HD2"]), p => p.Item1 == "missed");
        foreach (var day in new[] { "2026-01-01", "2026-01-02", "2026-09-30" })
        {
            var status = await StatusAsync(day);
            Assert.Equal("missed", status["HD2"].GetProperty("status").GetString());
            Assert.Contains(("missed", "2021-01-01"), Periods(status["HD2"]));
            Assert.DoesNotContain(Periods(status["HD1"]), p => p.Item1 == "missed");
        }
        // HD3's first year is on record once it ended; the cycle that ended inside it is not judged.
        Assert.DoesNotContain(Periods((await StatusAsync("2026-02-28"))["HD3"]), p => p.Item1 == "missed");
        Assert.Equal([("missed", "2025-03-01")],
            Periods((await StatusAsync("2026-03-01"))["HD3"]).Where(p => p.Item1 == "missed"));

        // HD2 still owes this year's hours: raised from 1 October, three months before 31 December, or as asked.
        bool DueSoon(Dictionary<string, JsonElement> status) =>
            status["HD2"].GetProperty("rules").EnumerateArray().Any(r => r.GetProperty("dueSoon").GetBoolean());
        var aroundTheWindow = await Task.WhenAll(
            new[] { "2026-09-30", "2026-10-01", "2026-10-02" }.Select(async day => DueSoon(await StatusAsync(day))));
        Assert.Equal([false, true, true], aroundTheWindow);
        Assert.False(DueSoon(await StatusAsync("2026-10-01", "&alertMonths=2")));
        var alerts = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            $"/api/workforce/training/alerts?districtCode={Hexi}&schoolId={school.Id}&asOf=2026-10-01"))!;
        Assert.Equal(["HD2", "HD3"], alerts.Select(a => a.GetProperty("staffNumber").GetString()).Order(StringComparer.Ordinal));

        // The export shows each period that ended short beside the running ones, under the page's names.
        var export = await suite.Gateway.GetAsync(
            $"/api/workforce/training/status/export?districtCode={Hexi}&schoolId={school.Id}&asOf=2026-10-01");
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "training.xlsx");
        Assert.Contains(sheet, row => row.Cells[0] == "HD2" && row.Cells[5] == "2021-01-01" && row.Cells[10] == "逾期未完成");
    }
}

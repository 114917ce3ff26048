using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// Teachers in Workforce: imported all or nothing with every bad row named, their school history kept, exported and
/// imported back.
/// </summary>
[Collection(SuiteCollection.Name)]
public class TeacherTests(SuiteFixture suite)
{
    private const string Header = "工号,姓名,性别,出生日期,学校名称,到校时间,任教学科,职称,骨干级别,编制\n";

    private Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, bool dryRun = false) =>
        suite.Gateway.PostAsync($"/api/workforce/teachers/import?dryRun={dryRun.ToString().ToLowerInvariant()}",
            new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } });

    private Task<HttpResponseMessage> UploadAsync(string csv, bool dryRun = false) =>
        UploadAsync(Encoding.UTF8.GetBytes(csv), "teachers.csv", dryRun);

    [Fact]
    public async Task Teachers_import_all_or_nothing_keep_their_school_history_and_export_to_a_file_that_imports_unchanged()
    {
        var first = await suite.Gateway.RegisterSchoolAsync($"师资测试小学{Guid.NewGuid():N}"[..12]);
        var second = await suite.Gateway.RegisterSchoolAsync($"师资调入小学{Guid.NewGuid():N}"[..12]);
        await suite.Gateway.WaitUntilKnownAsync("workforce", first.Id);
        await suite.Gateway.WaitUntilKnownAsync("workforce", second.Id);
        var number = $"T{Guid.NewGuid():N}"[..10];

        var bad = await UploadAsync(Header +
            $"{number}1,张老师,女,1985-04-12,{first.Name},2015-09-01,数学,一级,区级,在编\n" +
            $"{number}2,李老师,男,2015-01-01,{first.Name},2019-09-01,数学,二级,,在编\n" +   // born 2015: a child
            $"{number}3,王老师,男,1980/3/1,不存在的学校,2010-09-01,数学,高级,,在编\n" +   // unknown school
            $"{number}4,赵老师,男,1980年3月1日,{first.Name},2010-09-01,魔法,高级,,在编\n" + // unknown subject
            $"{number}1,张老师,女,1985-04-12,{first.Name},2015-09-01,数学,一级,区级,在编\n"); // repeats row 2
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "出生日期"), (4, "学校名称"), (5, "任教学科"), (6, "工号")], rows);
        Assert.Empty((await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/teachers?schoolId={first.Id}"))!);

        await SuiteApi.EnsureAsync(await UploadAsync(Header +
            $"{number}1,张老师,女,1985-04-12,{first.Name},2015-09-01,数学、科学,一级,区级,在编\n" +
            $"{number}2,李老师,男,1990-01-01,{first.Id},2019-09-01,音乐,二级,无,非在编\n"));
        var listed = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/teachers?schoolId={first.Id}"))!;
        Assert.Equal(["数学", "科学"], listed.Single(t => t.GetProperty("name").GetString() == "张老师")
            .GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));

        // 张老师 moves to the second school: the first posting ends the day before the second starts.
        await SuiteApi.EnsureAsync(await UploadAsync(Header + $"{number}1,张老师,女,1985-04-12,{second.Name},2026-09-01,数学、科学,一级,区级,在编\n"));
        var id = listed.Single(t => t.GetProperty("name").GetString() == "张老师").GetProperty("id").GetGuid();
        var detail = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{id}");
        var postings = detail.GetProperty("postings").EnumerateArray()
            .Select(p => (p.GetProperty("schoolId").GetGuid(), p.GetProperty("fromDate").GetString(),
                p.GetProperty("toDate").GetString()))
            .ToList();
        Assert.Equal([(first.Id, "2015-09-01", "2026-08-31"), (second.Id, "2026-09-01", null)], postings);

        // History is not rewritten by an import: a row moving 张老师 back to a day before the current posting began is
        // refused, naming it. Correcting a posting is its own step, with its reason, and the posting before follows.
        var rewrite = await UploadAsync(Header + $"{number}1,张老师,女,1985-04-12,{first.Name},2020-09-01,数学、科学,一级,区级,在编\n");
        Assert.Equal([(2, "到校时间")], (await rewrite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));
        var corrected = await SuiteApi.ReadAsync<JsonElement>(await suite.Gateway.PostAsJsonAsync(
            $"/api/workforce/teachers/{id}/postings/correct",
            new { fromDate = "2026-09-01", schoolId = second.Id, newFromDate = "2026-08-25", reason = "调令日期为 8 月 25 日" }));
        Assert.Equal([(first.Id, "2015-09-01", "2026-08-24", null), (second.Id, "2026-08-25", null, "调令日期为 8 月 25 日")],
            corrected.GetProperty("postings").EnumerateArray().Select(p => (p.GetProperty("schoolId").GetGuid(),
                p.GetProperty("fromDate").GetString(), p.GetProperty("toDate").GetString(), p.GetProperty("correction").GetString())));
        var outOfOrder = await suite.Gateway.PostAsJsonAsync($"/api/workforce/teachers/{id}/postings/correct",
            new { fromDate = "2026-08-25", schoolId = second.Id, newFromDate = "2015-09-01", reason = "误" });
        Assert.Equal(["newFromDate"],
            (await outOfOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var beforeBirth = await suite.Gateway.PostAsJsonAsync($"/api/workforce/teachers/{id}/postings/correct",
            new { fromDate = "2015-09-01", schoolId = first.Id, newFromDate = "1990-09-01", reason = "误" });
        Assert.Equal(["newFromDate"],
            (await beforeBirth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        // Nor does a new 到校时间 at the same school restart the stay (and the years that make a teacher eligible to rotate).
        var restart = await UploadAsync(Header + $"{number}1,张老师,女,1985-04-12,{second.Name},2026-11-01,数学、科学,一级,区级,在编\n");
        Assert.Contains("同一学校",
            (await restart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors")[0].GetProperty("reason").GetString());

        var exportResponse = await suite.Gateway.GetAsync("/api/workforce/teachers/export?districtCode=120106");
        var export = await exportResponse.Content.ReadAsByteArrayAsync();
        var again = await (await UploadAsync(export, "teachers.xlsx", dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, again.GetProperty("changed").GetInt32() + again.GetProperty("new").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.GetAsync($"/api/workforce/teachers/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Corrections_of_one_posting_sent_at_once_are_taken_one_at_a_time()
    {
        var school = await suite.Gateway.RegisterSchoolAsync($"师资更正小学{Guid.NewGuid():N}"[..12]);
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);
        await SuiteApi.EnsureAsync(await UploadAsync(Header +
            $"{$"C{Guid.NewGuid():N}"[..10]},孙老师,女,1985-04-12,{school.Name},2015-09-01,数学,一级,,在编\n"));
        var id = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/teachers?schoolId={school.Id}"))!
            .Single().GetProperty("id").GetGuid();

        // Each reads the posting of 1 September 2015 and moves it: the first to commit does, the others then find no
        // such posting. Without the teacher's row held, several read it before any committed and all answered 200.
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(day => suite.Gateway.PostAsJsonAsync(
            $"/api/workforce/teachers/{id}/postings/correct",
            new { fromDate = "2015-09-01", schoolId = school.Id, newFromDate = $"2015-08-{day:00}", reason = $"更正 {day}" })));
        Assert.Single(answers, answer => answer.IsSuccessStatusCode);
        Assert.All(answers.Where(answer => !answer.IsSuccessStatusCode),
            answer => Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode));
        var posting = Assert.Single((await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{id}"))
            .GetProperty("postings").EnumerateArray());
        Assert.StartsWith("2015-08-", posting.GetProperty("fromDate").GetString());
    }

    [Fact]
    public async Task One_teacher_is_saved_as_json_with_the_import_rules_and_each_bad_field_named()
    {
        var school = await suite.Gateway.RegisterSchoolAsync($"师资单录小学{Guid.NewGuid():N}"[..12]);
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);
        var number = $"J{Guid.NewGuid():N}"[..10];

        var bad = await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = number, name = "周老师", gender = "unknown", birthDate = "yesterday", schoolId = Guid.NewGuid(),
            atSchoolSince = "2015-09-01", subjects = new[] { "数学" }, title = "一级", establishment = "在编",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["birthDate", "gender", "schoolId"], fields);

        var saved = await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = number, name = "周老师", gender = "女", birthDate = "1990-06-01", schoolId = school.Id, atSchoolSince = "2016-09-01",
            subjects = new[] { "数学", "科学" }, title = "一级", backbone = "校级", establishment = "在编",
        });
        await SuiteApi.EnsureAsync(saved);
        var detail = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("周老师", "school", "2016-09-01"),
            (detail.GetProperty("teacher").GetProperty("name").GetString(),
             detail.GetProperty("teacher").GetProperty("backbone").GetString(),
             detail.GetProperty("postings")[0].GetProperty("fromDate").GetString()));
    }
}

using System.Net;
using System.Text;
using Platform.Web.Api;
using Platform.Web.Text;

namespace Platform.UnitTests.Web;

/// <summary>A service's refusal reaches the page in the user's words, each field named as the form labels it.</summary>
public sealed class ProblemTextTests
{
    private readonly ProblemText problems = new(new Texts());

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string type = "application/problem+json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    private static async Task<T> InAsync<T>(string culture, Func<Task<T>> read)
    {
        using var language = new UiCulture(culture);
        return await read();
    }

    [Fact]
    public async Task A_field_of_a_list_is_named_by_its_label_and_row_never_by_its_api_path()
    {
        using var answer = Answer(HttpStatusCode.BadRequest,
            """{"title":"提交的内容有误，请按提示修改。","errors":{"schoolChanges[1].year":["须在 2000 到 2100 之间。"]}}""");

        var words = await InAsync("zh-CN", () => problems.ReadAsync(answer, CancellationToken.None));

        Assert.Equal("提交的内容有误，请按提示修改。 学校开办与停办 第 2 行 · 年份：须在 2000 到 2100 之间。", words);
    }

    [Fact]
    public async Task Under_the_switch_the_labels_are_english()
    {
        using var answer = Answer(HttpStatusCode.BadRequest,
            """{"title":"The request has invalid fields.","errors":{"AsOf":["must be a date."],"milestones.design":["is late."]}}""");

        var words = await InAsync("en", () => problems.ReadAsync(answer, CancellationToken.None));

        Assert.Equal("The request has invalid fields. As of: must be a date. Milestone plan: is late.", words);
    }

    [Theory]
    [InlineData("levers.schoolChanges[1].year", "学校开办与停办 第 2 行 · 年份")]
    [InlineData("[0].hours", "第 1 行 · 学时")]
    [InlineData("milestones.design", "进度计划")]
    [InlineData("otherStages[0].stage", "其他学段 第 1 行 · 学段")]
    [InlineData("$", "提交的内容")]
    [InlineData("schoolChanges[1].unknownThing", "学校开办与停办 第 2 行")]
    public async Task A_field_path_reads_as_the_form_labels_it(string path, string label) =>
        Assert.Equal(label, await InAsync("zh-CN", () => Task.FromResult(new Texts().Field(path))));

    [Fact]
    public async Task A_field_without_a_label_shows_its_message_alone()
    {
        using var answer = Answer(HttpStatusCode.BadRequest, """{"errors":{"mysteryField":["须填写。"]}}""");
        Assert.Equal("须填写。", await InAsync("zh-CN", () => problems.ReadAsync(answer, CancellationToken.None)));
    }

    [Fact]
    public async Task An_answer_that_is_not_a_problem_is_told_by_its_status()
    {
        using var page = Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        using var empty = new HttpResponseMessage(HttpStatusCode.Conflict);

        Assert.Equal("操作未能完成（502），请稍后再试或联系系统管理员。",
            await InAsync("zh-CN", () => problems.ReadAsync(page, CancellationToken.None)));
        Assert.Equal(["操作未能完成（409），请稍后再试或联系系统管理员。"],
            (await InAsync("zh-CN", () => problems.ErrorsAsync(empty, CancellationToken.None)))[""]);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>Importing births from the files bureaus have, through the gateway: preview, all or nothing, export.</summary>
[Collection(SuiteCollection.Name)]
public class BirthsImportTests(SuiteFixture suite)
{
    private sealed record Report(bool DryRun, bool Written, int Rows, int New, int Changed, int Unchanged, List<JsonElement> Errors);

    private sealed record Birth(string DistrictCode, string DistrictName, int Year, int Births);

    private Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, bool dryRun = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return suite.Gateway.PostAsync($"/api/planning/births/import?dryRun={dryRun.ToString().ToLowerInvariant()}", form);
    }

    private async Task<List<Birth>> BirthsAsync(string district) =>
        (await suite.Gateway.GetFromJsonAsync<List<Birth>>($"/api/planning/births?districtCode={district}"))!;

    [Fact]
    public async Task A_dry_run_previews_and_writes_nothing_then_the_import_writes_everything()
    {
        var csv = Encoding.UTF8.GetBytes("区划代码,区,年份,出生人口\n120101,和平区,2019,3100\n120101,和平区,2020,2900\n120101,和平区,2021,2700\n");

        var preview = await (await UploadAsync(csv, "和平区出生.csv", dryRun: true)).Content.ReadFromJsonAsync<Report>();
        Assert.Equal((true, false, 3, 3), (preview!.DryRun, preview.Written, preview.Rows, preview.New));
        Assert.Empty(await BirthsAsync("120101"));

        var imported = await UploadAsync(csv, "和平区出生.csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal([2019, 2020, 2021], (await BirthsAsync("120101")).Select(b => b.Year));

        var again = await (await UploadAsync(Encoding.UTF8.GetBytes("年份,区划代码,出生人口\n2020,120101,2950\n2021,120101,2700\n"), "b.csv"))
            .Content.ReadFromJsonAsync<Report>();
        Assert.Equal((0, 1, 1), (again!.New, again.Changed, again.Unchanged));
        Assert.Equal(2950, (await BirthsAsync("120101")).Single(b => b.Year == 2020).Births);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_row_named()
    {
        var csv = Encoding.UTF8.GetBytes("区划代码,年份,出生人口\n120102,2018,4000\n999999,2018,1\n120102,2999,5\n120102,2019,-3\n");
        var response = await UploadAsync(csv, "河东区.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString()))
            .ToList();
        Assert.Equal([(3, "区划代码", "999999"), (4, "年份", "2999"), (5, "出生人口", "-3")], rows);
        Assert.Empty(await BirthsAsync("120102")); // the good row 2 was not written either
    }

    [Fact]
    public async Task The_export_is_an_xlsx_that_imports_again_unchanged()
    {
        Assert.Equal(HttpStatusCode.OK,
            (await UploadAsync(Encoding.UTF8.GetBytes("区划代码,年份,出生人口\n120103,2015,8000\n120103,2016,8300\n"), "x.csv")).StatusCode);

        var export = await suite.Gateway.GetAsync("/api/planning/births/export?districtCode=120103");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var workbook = await export.Content.ReadAsByteArrayAsync();

        var report = await (await UploadAsync(workbook, "births.xlsx", dryRun: true)).Content.ReadFromJsonAsync<Report>();
        Assert.Equal((2, 0, 0, 2), (report!.Rows, report.New, report.Changed, report.Unchanged));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_before_it_is_read()
    {
        // Like curl for large bodies, the client asks first (Expect: 100-continue); the gateway answers 413 before
        // a byte of the body is sent, and never proxies it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/births/import")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "huge.csv" } },
        };
        request.Headers.ExpectContinue = true;
        var response = await suite.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_service_enforces_the_upload_limit_itself_when_called_directly()
    {
        using var direct = suite.ClientFor("planning", suite.TokenFor("120000", "planner"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/births/import")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "huge.csv" } },
        };
        request.Headers.ExpectContinue = true;
        var response = await direct.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_of_another_kind_is_refused_with_the_reason()
    {
        var response = await UploadAsync("{}"u8.ToArray(), "../../etc/births.json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("file", problem.GetProperty("field").GetString());
        Assert.Contains(".csv 或 .xlsx", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_import_without_a_file_names_the_missing_field()
    {
        var response = await suite.Gateway.PostAsync("/api/planning/births/import",
            new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", await response.Content.ReadAsStringAsync());
    }
}

using System.IO.Compression;
using System.Text;

namespace Platform.IntegrationTests;

/// <summary>
/// A corpus of hostile input against the write endpoints and imports of every service, through the gateway: deeply
/// nested JSON, invalid UTF-8, wrong types, numbers out of range, injection strings in codes and ids, path traversal
/// in file names. Each must get a clear 4xx, never a 500.
/// </summary>
[Collection(SuiteCollection.Name)]
public class HostileInputTests(SuiteFixture suite)
{
    private static readonly (HttpMethod Method, string Path)[] JsonEndpoints =
    [
        (HttpMethod.Post, "/api/planning/schools"), (HttpMethod.Post, "/api/planning/districts/120106/zones"),
        (HttpMethod.Post, "/api/planning/scenarios"), (HttpMethod.Post, "/api/planning/forecasts"),
        (HttpMethod.Post, "/api/planning/forecasts/capacity"), (HttpMethod.Post, "/api/planning/forecasts/backtest"),
        (HttpMethod.Post, "/api/planning/indicators/observations"), (HttpMethod.Put, "/api/planning/sample-data"),
        (HttpMethod.Post, "/api/workforce/teachers"), (HttpMethod.Post, "/api/workforce/rotation/plans"),
        (HttpMethod.Post, "/api/workforce/rounds"),
        (HttpMethod.Put, "/api/workforce/training/rules/120106"), (HttpMethod.Put, "/api/workforce/establishment/ratios/120106"),
        (HttpMethod.Post, "/api/facilities/projects"), (HttpMethod.Put, $"/api/facilities/projects/{Guid.NewGuid()}/plan"),
        (HttpMethod.Post, $"/api/facilities/projects/{Guid.NewGuid()}/gates"),
        (HttpMethod.Put, $"/api/facilities/projects/{Guid.NewGuid()}/details"),
    ];

    private static readonly (string What, byte[] Body)[] HostileBodies =
    [
        ("deeply nested JSON", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))),
        ("invalid UTF-8",
            [(byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"',
                0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']),
        ("wrong types", Encoding.UTF8.GetBytes(
            """{"districtCode": 120106, "name": ["x"], "horizon": "ten", "classesAdded": "many", "year": {}, "levers": 5}""")),
        ("numbers out of range", Encoding.UTF8.GetBytes(
            """{"districtCode": "120106", "horizon": 99999999999, "classesAdded": 2147483648, "year": -1, "value": 1e400}""")),
        ("injection in codes and ids", Encoding.UTF8.GetBytes(
            """{"districtCode": "120106' OR '1'='1", "schoolId": "'; DROP TABLE schools; --",""" +
            """ "zoneId": "1 OR 1=1", "areaCode": "' OR 1=1 --", "indicatorCode": "x'; DELETE FROM plans; --"}""")),
        ("not JSON", Encoding.UTF8.GetBytes("<xml>not json</xml>")),
    ];

    [Fact]
    public async Task Every_write_endpoint_answers_hostile_bodies_with_a_4xx()
    {
        var failures = new List<string>();
        foreach (var (method, path) in JsonEndpoints)
            foreach (var (what, body) in HostileBodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                var response = await suite.Gateway.SendAsync(request);
                if ((int)response.StatusCode is < 400 or >= 500)
                {
                    var answer = await response.Content.ReadAsStringAsync();
                    var shown = answer[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))];
                    failures.Add($"{method} {path} with {what}: {(int)response.StatusCode} {shown}");
                }
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/planning/births/import")]
    [InlineData("/api/planning/enrolment/import")]
    [InlineData("/api/workforce/teachers/import")]
    [InlineData("/api/workforce/training/import")]
    public async Task Imports_refuse_traversal_names_binary_junk_and_wrong_files_with_a_4xx(string path)
    {
        (string Name, byte[] Content)[] files =
        [
            ("../../../../etc/passwd", Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/bash\n")),
            ("..\\..\\windows\\system.ini.csv", Encoding.UTF8.GetBytes("区划代码,年份\n' OR 1=1 --,2024\n")),
            ("junk.xlsx", [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x01]),
            ("empty.csv", []),
        ];
        foreach (var (name, content) in files)
        {
            var response = await suite.Gateway.PostAsync(path,
                new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } });
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path} with {name}: {(int)response.StatusCode}");
            Assert.DoesNotContain("/etc/", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_value_that_looks_like_a_formula_is_exported_as_text_never_as_a_formula()
    {
        var school = await suite.Gateway.RegisterSchoolAsync($"=HYPERLINK(\"http://evil.example\",\"点击\"){Guid.NewGuid():N}"[..60]);
        var export = await suite.Gateway.GetByteArrayAsync("/api/planning/schools/export?districtCode=120106");
        using var zip = new ZipArchive(new MemoryStream(export));
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("=HYPERLINK", sheet);                 // the value is there, as text
        Assert.DoesNotContain("<x:f>", sheet);                // and no cell holds a formula
        Assert.DoesNotContain("<f>", sheet);
        Assert.NotEqual(Guid.Empty, school.Id);
    }
}

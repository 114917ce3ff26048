using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Security;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// Who may do what, where: every role against records of its own district and of another, through the gateway and
/// straight at each service; tokens that are missing, expired, tampered with or meant for someone else.
/// </summary>
[Collection(SuiteCollection.Name)]
public class SecurityTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string Hongqiao = "120106", Hexi = "120103", City = "120000";

    /// <summary>The users of the matrix: each role of 红桥, the city-wide viewer and auditor, and a 河西 HR officer (河西 is no other
    /// test's).</summary>
    private static readonly (string Role, string District)[] Users =
    [
        (Roles.Planner, Hongqiao), (Roles.Hr, Hongqiao), (Roles.Facilities, Hongqiao),
        (Roles.Viewer, City), (Roles.Auditor, City), (Roles.Hr, Hexi),
    ];

    private static readonly Dictionary<string, (string[] Readers, string[] Writers)> Access = new()
    {
        ["planning"] = ([Roles.Planner, Roles.Facilities, Roles.Hr, Roles.Viewer], [Roles.Planner]),
        ["workforce"] = ([Roles.Hr, Roles.Viewer], [Roles.Hr]),
        ["facilities"] = ([Roles.Facilities, Roles.Planner, Roles.Viewer], [Roles.Facilities]),
    };

    /// <summary>A school, a teacher and a project in one district.</summary>
    private sealed record Records(string District, SchoolDto School, Guid Teacher, Guid Project, string TrainingRules, object SchoolBody);

    /// <summary>One call of the matrix: its service, method, path (inside the service) and body, about a record of a district.</summary>
    private sealed record Call(string Service, HttpMethod Method, string Path, object? Body, string District)
    {
        public bool Writes => Method != HttpMethod.Get;
    }

    [Fact]
    public async Task Each_role_reads_and_writes_only_what_its_role_allows_and_only_in_its_district_through_the_gateway_and_directly()
    {
        var hongqiao = await RecordsInAsync(Hongqiao, "红桥区权限测试小学");
        var hexi = await RecordsInAsync(Hexi, "河西区权限测试小学");
        var calls = new[] { hongqiao, hexi }.SelectMany(records => new Call[]
        {
            new("planning", HttpMethod.Get, $"/schools/{records.School.Id}", null, records.District),
            new("planning", HttpMethod.Get, $"/schools/export?districtCode={records.District}", null, records.District),
            new("planning", HttpMethod.Put, $"/schools/{records.School.Id}", records.SchoolBody, records.District),
            new("workforce", HttpMethod.Get, $"/teachers/{records.Teacher}", null, records.District),
            new("workforce", HttpMethod.Get, $"/establishment?districtCode={records.District}", null, records.District),
            new("workforce", HttpMethod.Put, $"/training/rules/{records.District}", JsonDocument.Parse(records.TrainingRules).RootElement,
                records.District),
            new("facilities", HttpMethod.Get, $"/projects/{records.Project}", null, records.District),
            new("facilities", HttpMethod.Get, $"/projects/{records.Project}/schedule", null, records.District),
            new("facilities", HttpMethod.Put, $"/projects/{records.Project}/schedule", new { plannedInUse = "2028-09-01" },
                records.District),
        }).ToList();

        var wrong = new List<string>();
        var checkedCalls = 0;
        foreach (var (role, district) in Users)
            foreach (var entry in new[] { "gateway", "direct" })
                foreach (var call in calls)
                {
                    var (readers, writers) = Access[call.Service];
                    var expected = !(call.Writes ? writers : readers).Contains(role) ? HttpStatusCode.Forbidden
                        : !new DistrictScope(district).Covers(call.District) ? HttpStatusCode.NotFound
                        : HttpStatusCode.OK;
                    using var client = entry == "gateway" ? suite.ClientFor("gateway", suite.TokenFor(district, role))
                        : suite.ClientFor(call.Service, suite.TokenFor(district, role));
                    var prefix = entry == "gateway" ? $"/api/{call.Service}" : "";
                    using var request = new HttpRequestMessage(call.Method, prefix + call.Path)
                    {
                        Content = call.Body is null ? null : JsonContent.Create(call.Body),
                    };
                    using var response = await client.SendAsync(request);
                    checkedCalls++;
                    if (response.StatusCode != expected)
                        wrong.Add($"{role}@{district} {entry} {call.Method} {call.Service}{call.Path}: " +
                            $"{(int)response.StatusCode}, expected {(int)expected}");
                }
        output.WriteLine($"{checkedCalls} calls checked");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Lists_searches_and_exports_hold_only_the_users_districts()
    {
        var hongqiao = await RecordsInAsync(Hongqiao, "红桥区名单测试小学");
        var hexi = await RecordsInAsync(Hexi, "河西区名单测试小学");
        foreach (var entry in new[] { "gateway", "direct" })
        {
            // A 红桥 facility manager: schools and projects of 红桥 only, in Planning's registry and in Facilities' own lists.
            var facilities = suite.TokenFor(Hongqiao, Roles.Facilities);
            var schools = await ListAsync(entry, "planning", "/schools", facilities);
            Assert.Contains(hongqiao.School.Id.ToString(), schools);
            Assert.DoesNotContain(hexi.School.Id.ToString(), schools);
            Assert.All(await DistrictsInAsync(entry, "planning", "/schools", facilities), code => Assert.Equal(Hongqiao, code));
            Assert.All(await DistrictsInAsync(entry, "facilities", "/schools", facilities), code => Assert.Equal(Hongqiao, code));
            var projects = await ListAsync(entry, "facilities", "/projects", facilities);
            Assert.Contains(hongqiao.Project.ToString(), projects);
            Assert.DoesNotContain(hexi.Project.ToString(), projects);
            Assert.Equal([Hongqiao], (await DistrictsInAsync(entry, "planning", "/districts", facilities, "code")).Distinct());

            // A 河西 HR officer: 河西's teachers, in the list and in its export, never 红桥's.
            var hr = suite.TokenFor(Hexi, Roles.Hr);
            var teachers = await ListAsync(entry, "workforce", "/teachers", hr);
            Assert.Contains(hexi.Teacher.ToString(), teachers);
            Assert.DoesNotContain(hongqiao.Teacher.ToString(), teachers);
            var export = await SendAsync(entry, "workforce", HttpMethod.Get, "/teachers/export", hr);
            var sheet = BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "teachers.xlsx");
            Assert.Contains(sheet, row => row.Cells.Contains(hexi.School.Id.ToString()));
            Assert.DoesNotContain(sheet, row => row.Cells.Contains(hongqiao.School.Id.ToString()));

            // The city-wide viewer sees both.
            var viewer = suite.TokenFor(City, Roles.Viewer);
            var all = await ListAsync(entry, "planning", "/schools", viewer);
            Assert.Contains(hongqiao.School.Id.ToString(), all);
            Assert.Contains(hexi.School.Id.ToString(), all);
        }
    }

    [Fact]
    public async Task An_import_about_another_district_is_refused_whole_with_each_such_row_named()
    {
        var before = await suite.CountAsync("planningdb", "births");
        var planner = suite.TokenFor(Hongqiao, Roles.Planner);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("区划代码,年份,出生人口\n120106,2010,5000\n120104,2010,6000\n"u8.ToArray()), "file", "births.csv" },
        };
        using var gateway = suite.ClientFor("gateway", planner);
        var response = await gateway.PostAsync("/api/planning/births/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray());
        Assert.Equal((3, "120104"), (error.GetProperty("row").GetInt32(), error.GetProperty("value").GetString()));
        Assert.Contains("不在您的管辖范围", error.GetProperty("reason").GetString());
        Assert.Equal(before, await suite.CountAsync("planningdb", "births"));
    }

    [Fact]
    public async Task Missing_expired_tampered_foreign_and_wrong_audience_tokens_are_refused_everywhere()
    {
        var valid = suite.TokenFor(City, Roles.Viewer);
        var parts = valid.Split('.');
        var tamperedPayload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = "platform", ["aud"] = "platform-api", ["name"] = "intruder", ["district"] = City, ["role"] = Roles.SystemAdmin,
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        });
        var foreignKey = new AuthSettings("platform", "platform-api",
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), null, true);
        var refused = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["expired"] = AccessTokens.Create(suite.Auth, Guid.NewGuid(), "late", "过期", [Roles.Viewer], City, TimeSpan.FromHours(1),
                now: DateTime.UtcNow.AddHours(-3)),
            ["tampered"] = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(tamperedPayload)}.{parts[2]}",
            ["foreign key"] = AccessTokens.Create(foreignKey, Guid.NewGuid(), "forger", "伪造", [Roles.SystemAdmin], City,
                TimeSpan.FromHours(1)),
            ["wrong audience"] = AccessTokens.Create(suite.Auth, Guid.NewGuid(), "other", "他用", [Roles.Viewer], City, TimeSpan.FromHours(1),
                audience: "another-api"),
            ["garbage"] = "not.a.token",
        };
        var wrong = new List<string>();
        foreach (var (kind, token) in refused)
            foreach (var service in new[] { "planning", "workforce", "facilities" })
                foreach (var entry in new[] { "gateway", "direct" })
                {
                    var response = await SendAsync(entry, service, HttpMethod.Get, "/schools", token);
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                        wrong.Add($"{kind} token, {entry} {service}: {(int)response.StatusCode}");
                }
        Assert.Empty(wrong);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("direct", "planning", HttpMethod.Get, "/schools", valid)).StatusCode);
        // Health and the API documents stay open: a load balancer and a developer need them without a token.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("gateway", "planning", HttpMethod.Get, "/health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("gateway", "workforce", HttpMethod.Get, "/openapi/v1.json", null)).StatusCode);
    }

    [Fact]
    public async Task Readers_may_compute_forecasts_for_their_districts_but_change_nothing()
    {
        // 河西's data belong to another test, so its forecast may answer 200 or ask for births or enrolment (400, 422):
        // either way the viewer was let in.
        var forecast = new { districtCode = Hexi, horizon = 3 };
        using var viewer = suite.ClientFor("gateway", suite.TokenFor(City, Roles.Viewer));
        Assert.Contains((await viewer.PostAsJsonAsync("/api/planning/forecasts", forecast)).StatusCode,
            new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        Assert.Contains((await viewer.PostAsJsonAsync("/api/planning/forecasts/capacity", forecast)).StatusCode,
            new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostAsJsonAsync("/api/planning/scenarios",
                new { districtCode = Hexi, name = "查阅者方案", levers = new { } })).StatusCode);

        using var hongqiaoFacilities = suite.ClientFor("gateway", suite.TokenFor(Hongqiao, Roles.Facilities));
        Assert.Equal(HttpStatusCode.NotFound, (await hongqiaoFacilities.PostAsJsonAsync("/api/planning/forecasts", forecast)).StatusCode);
    }

    [Fact]
    public async Task Only_a_city_wide_system_administrator_sees_parked_messages()
    {
        foreach (var service in new[] { "planning", "workforce", "facilities" })
        {
            Assert.Equal(HttpStatusCode.Forbidden,
                (await SendAsync("gateway", service, HttpMethod.Get, "/admin/error-queues",
                    suite.TokenFor(City, Roles.Planner, Roles.Hr, Roles.Facilities))).StatusCode);
            foreach (var other in new[] { Roles.SecurityAdmin, Roles.Auditor })
                Assert.Equal(HttpStatusCode.Forbidden,
                    (await SendAsync("gateway", service, HttpMethod.Get, "/admin/error-queues", suite.TokenFor(City, other))).StatusCode);
            Assert.Equal(HttpStatusCode.OK,
                (await SendAsync("gateway", service, HttpMethod.Get, "/admin/error-queues",
                    suite.TokenFor(City, Roles.SystemAdmin))).StatusCode);
            // They hold every district's data: a district's admin may not read them.
            Assert.Equal(HttpStatusCode.Forbidden,
                (await SendAsync("gateway", service, HttpMethod.Get, "/admin/error-queues",
                    suite.TokenFor(Hongqiao, Roles.SystemAdmin))).StatusCode);
        }
    }

    private async Task<Records> RecordsInAsync(string district, string name)
    {
        var zoneId = await suite.Gateway.AddZoneAsync(district);
        var body = new
        {
            name, districtCode = district, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
        };
        var registered = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", body);
        await SuiteApi.EnsureAsync(registered);
        var school = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!;
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);

        var teacher = await suite.Gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = $"SEC{Guid.NewGuid():N}"[..20], name = "权限测试教师", gender = "女", birthDate = "1988-03-01", schoolId = school.Id,
            atSchoolSince = "2015-09-01", subjects = new[] { "语文" }, title = "一级", establishment = "在编",
        });
        await SuiteApi.EnsureAsync(teacher);
        var teacherId = (await teacher.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teacher").GetProperty("id").GetGuid();
        var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 2);
        var rules = await suite.Gateway.GetStringAsync($"/api/workforce/training/rules/{district}");
        return new Records(district, school, teacherId, project.Id, rules, body);
    }

    private async Task<HttpResponseMessage> SendAsync(string entry, string service, HttpMethod method, string path, string? token)
    {
        using var client = suite.ClientFor(entry == "gateway" ? "gateway" : service, token);
        return await client.SendAsync(new HttpRequestMessage(method, (entry == "gateway" ? $"/api/{service}" : "") + path));
    }

    private async Task<string> ListAsync(string entry, string service, string path, string token)
    {
        var response = await SendAsync(entry, service, HttpMethod.Get, path, token);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<IEnumerable<string>> DistrictsInAsync(string entry, string service, string path, string token,
        string property = "districtCode") =>
        JsonDocument.Parse(await ListAsync(entry, service, path, token)).RootElement.EnumerateArray()
            .Select(item => item.GetProperty(property).GetString()!).ToList();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>Bad requests through the gateway get RFC 7807 answers naming each field, and write nothing.</summary>
[Collection(SuiteCollection.Name)]
public class BadInputTests(SuiteFixture suite)
{
    [Fact]
    public async Task Missing_fields_are_each_named_and_nothing_is_written()
    {
        var before = await suite.CountAsync("planningdb", "schools");
        var problem = await PostAsync("/api/planning/schools", "{}");
        Assert.Equal(["districtCode", "name", "ownership", "stages", "status", "zoneId"], problem.Errors.Order(StringComparer.Ordinal));
        Assert.Equal(before, await suite.CountAsync("planningdb", "schools"));
    }

    [Fact]
    public async Task Wrongly_typed_fields_are_each_named()
    {
        var before = await suite.CountAsync("planningdb", "schools");
        var problem = await PostAsync("/api/planning/schools",
            """{"name": 12, "districtCode": "120106", "zoneId": "nearby", "openingYear": "soon"}""");
        Assert.Equal(["name", "openingYear", "zoneId"], problem.Errors.Order(StringComparer.Ordinal));
        Assert.Contains("须为整数", problem.Body);
        Assert.Equal(before, await suite.CountAsync("planningdb", "schools"));
    }

    [Fact]
    public async Task Values_out_of_range_or_unknown_are_named()
    {
        var problem = await PostAsync("/api/planning/schools", $$"""
            {"name": "x", "districtCode": "120106", "zoneId": "{{Guid.NewGuid()}}", "ownership": "state", "status": "planned",
             "stages": [{"stage": "university", "classesPerGrade": [1]},
                        {"stage": "primary", "classSizeNorm": 45, "classesPerGrade": [1, 2, 3, 4, 5]},
                        {"stage": "junior_secondary", "classesPerGrade": [1, 2]}]}
            """);
        Assert.Equal(
            ["openingYear", "ownership", "stages[0].stage", "stages[1].classesPerGrade", "stages[2].classesPerGrade"],
            problem.Errors.Order(StringComparer.Ordinal));
        // Values out of their bounds are answered first, each named, before the rules are checked.
        var bounds = await PostAsync("/api/planning/schools", """
            {"stages": [{"stage": "primary", "classSizeNorm": 500, "classesPerGrade": [1, 2, -1, 4, 5, 6]}]}
            """);
        Assert.Equal(["stages[0].classSizeNorm", "stages[0].classesPerGrade"], bounds.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        var problem = await PostAsync("/api/planning/schools", """{"name": "未闭合""");
        Assert.Equal(["$"], problem.Errors);
    }

    [Fact]
    public async Task A_project_for_an_unknown_school_is_refused_and_nothing_is_written()
    {
        var before = await suite.CountAsync("facilitiesdb", "projects");
        var problem = await PostAsync("/api/facilities/projects",
            $$"""{"schoolId": "{{Guid.NewGuid()}}", "name": "新建", "classesAdded": 6}""");
        Assert.Equal(["schoolId"], problem.Errors);
        Assert.Equal(before, await suite.CountAsync("facilitiesdb", "projects"));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_nothing_is_published()
    {
        var outbox = await suite.CountAsync("facilitiesdb", "outbox_messages");
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.GetAsync($"/api/planning/schools/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.GetAsync($"/api/facilities/projects/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.CommissionAsync(Guid.NewGuid())).StatusCode);
        Assert.Equal(outbox, await suite.CountAsync("facilitiesdb", "outbox_messages"));
    }

    [Fact]
    public async Task Commissioning_without_a_date_is_refused_and_publishes_nothing()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区新建小学");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = await suite.Gateway.CreateProjectAsync(school.Id, 2);
        var outbox = await suite.CountAsync("facilitiesdb", "outbox_messages");

        var problem = await PostAsync($"/api/facilities/projects/{project.Id}/commission", """{"inUseFrom": "next autumn"}""");
        Assert.Equal(["inUseFrom"], problem.Errors);
        var missing = await PostAsync($"/api/facilities/projects/{project.Id}/commission", "{}");
        Assert.Equal(["inUseFrom"], missing.Errors);

        Assert.Equal(outbox, await suite.CountAsync("facilitiesdb", "outbox_messages"));
        Assert.Equal("proposed", (await suite.Gateway.GetFromJsonAsync<ProjectDto>($"/api/facilities/projects/{project.Id}"))!.Status);
    }

    private sealed record Problem(string[] Errors, string Body);

    private async Task<Problem> PostAsync(string path, string json)
    {
        var response = await suite.Gateway.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var errors = document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        return new Problem(errors, body);
    }
}

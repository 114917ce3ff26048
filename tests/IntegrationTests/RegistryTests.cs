using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Contracts;

namespace Platform.IntegrationTests;

/// <summary>The school registry: areas, multi-stage schools, updates, and the directories the other services keep.</summary>
[Collection(SuiteCollection.Name)]
public class RegistryTests(SuiteFixture suite)
{
    private static object NineYearSchool(Guid zoneId, string name) => new
    {
        name, districtCode = "120106", zoneId, ownership = "public", status = "open",
        stages = new object[]
        {
            new { stage = "primary", classesPerGrade = new[] { 3, 3, 3, 3, 3, 3 } },
            new { stage = "junior_secondary", classSizeNorm = 45, classesPerGrade = new[] { 4, 4, 4 } },
        },
    };

    [Fact]
    public async Task A_nine_year_school_has_the_capacity_of_each_stage()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools",
            NineYearSchool(await suite.Gateway.AddZoneAsync(), "天津市第一百中学"));
        await SuiteApi.EnsureAsync(response);
        var school = (await response.Content.ReadFromJsonAsync<SchoolDto>())!;

        Assert.Equal([(18, 18 * 45), (12, 12 * 45)], school.Stages.Select(s => (s.Classes, s.Places)));
        Assert.Equal(30 * 45, school.Places);
        var known = await KnownAsync("workforce", school.Id, s => true);
        Assert.Equal(2, known.GetProperty("stages").GetArrayLength());

        var export = await suite.Gateway.GetAsync("/api/planning/schools/export?districtCode=120106");
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "schools.xlsx");
        Assert.Equal([["小学", "45", "18", "810"], ["初中", "45", "12", "540"]],
            sheet.Where(row => row.Cells[0] == school.Id.ToString()).Select(row => row.Cells.Skip(7).ToArray()));
    }

    [Fact]
    public async Task An_update_reaches_the_directories_with_a_new_version()
    {
        var zoneId = await suite.Gateway.AddZoneAsync();
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区旧名小学");
        var response = await suite.Gateway.PutAsJsonAsync($"/api/planning/schools/{school.Id}", NineYearSchool(zoneId, "红桥区新名学校"));
        await SuiteApi.EnsureAsync(response);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<SchoolDto>())!.Version);

        var known = await KnownAsync("facilities", school.Id, s => s.GetProperty("version").GetInt32() == 2);
        Assert.Equal("红桥区新名学校", known.GetProperty("name").GetString());
        Assert.Equal(zoneId, known.GetProperty("zoneId").GetGuid());
    }

    [Fact]
    public async Task The_directory_keeps_the_newest_version_whatever_order_events_arrive_in()
    {
        var id = NewId.NextGuid();
        var zone = Guid.NewGuid();
        SchoolStageCapacity[] stages = [new("primary", 45, 6, 270)];
        await suite.PublishAsync(new SchoolUpdated(id, 3, "第三版", "120106", zone, "public", "open", null, stages));
        await KnownAsync("facilities", id, s => s.GetProperty("version").GetInt32() == 3);
        await suite.PublishAsync(new SchoolRegistered(id, 1, "第一版", "120106", zone, "public", "open", null, stages));
        await suite.WaitUntilDrainedAsync("facilities-school-registered");

        Assert.Equal("第三版", (await KnownAsync("facilities", id, s => true)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_school_must_be_in_a_zone_of_its_own_district_and_nothing_is_written()
    {
        var otherDistrictsZone = await suite.Gateway.AddZoneAsync("120105");
        var before = await suite.CountAsync("planningdb", "schools");

        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", NineYearSchool(otherDistrictsZone, "错区学校"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("120105", errors.GetProperty("zoneId")[0].GetString());
        Assert.Equal(before, await suite.CountAsync("planningdb", "schools"));
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.PutAsJsonAsync($"/api/planning/schools/{Guid.NewGuid()}",
            NineYearSchool(await suite.Gateway.AddZoneAsync(), "无此学校"))).StatusCode);
    }

    [Fact]
    public async Task Zones_belong_to_a_known_district_and_have_unique_names()
    {
        var zone = new { name = $"丁字沽学区 {Guid.NewGuid():N}", kind = "school_district" };
        Assert.Equal(HttpStatusCode.Created,
            (await suite.Gateway.PostAsJsonAsync("/api/planning/districts/120106/zones", zone)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await suite.Gateway.PostAsJsonAsync("/api/planning/districts/120106/zones", zone)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await suite.Gateway.PostAsJsonAsync("/api/planning/districts/999999/zones", zone)).StatusCode);
        var zones = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/districts/120106/zones");
        Assert.Contains(zones!, z => z.GetProperty("name").GetString() == zone.name);
    }

    [Fact]
    public async Task A_project_names_its_stage_when_the_school_has_several()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools",
            NineYearSchool(await suite.Gateway.AddZoneAsync(), "天津市第五十五中学"));
        await SuiteApi.EnsureAsync(response);
        var school = (await response.Content.ReadFromJsonAsync<SchoolDto>())!;
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);

        var withoutStage = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects",
            new { schoolId = school.Id, name = "扩建", classesAdded = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, withoutStage.StatusCode);
        Assert.Contains("stage", await withoutStage.Content.ReadAsStringAsync());
        var unknownStage = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects",
            new { schoolId = school.Id, name = "扩建", stage = "university", classesAdded = 3, placesAdded = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, unknownStage.StatusCode);

        var junior = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects",
            new { schoolId = school.Id, name = "初中部扩建", stage = "junior_secondary", classesAdded = 3 });
        await SuiteApi.EnsureAsync(junior);
        Assert.Equal(3 * 45, (await junior.Content.ReadFromJsonAsync<ProjectDto>())!.PlacesAdded); // the junior stage's own norm
    }

    private Task<JsonElement> KnownAsync(string service, Guid id, Func<JsonElement, bool> condition) =>
        Eventually.Until(
            async () => (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/{service}/schools"))!
                .FirstOrDefault(s => s.GetProperty("id").GetGuid() == id),
            school => school.ValueKind == JsonValueKind.Object && condition(school),
            $"{service} to know school {id}");
}

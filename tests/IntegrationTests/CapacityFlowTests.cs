using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>The flow that proves the wiring, end to end through the gateway: Planning → Facilities → Planning.</summary>
[Collection(SuiteCollection.Name)]
public class CapacityFlowTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_commissioned_project_grows_the_schools_capacity_once()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("天津市实验小学红桥学校", classesPerGrade: 4);
        Assert.Equal(24 * 45, school.Places);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id);

        var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 6);
        Assert.Equal(6 * 45, project.PlacesAdded);
        var commissioned = await suite.Gateway.CommissionAsync(project.Id);
        Assert.Equal(HttpStatusCode.OK, commissioned.StatusCode);

        var grown = await Eventually.Until(
            () => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places != school.Places, "Planning to apply CapacityCommissioned");
        Assert.Equal(school.Places + project.PlacesAdded, grown.Places);
        Assert.Equal(school.Classes + project.ClassesAdded, grown.Classes);
        Assert.Equal(school.Version + 1, grown.Version);
        // Planning announced the new capacity, and the directories caught up.
        foreach (var service in new[] { "facilities", "workforce" })
            await Eventually.Until(() => suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/{service}/schools")!,
                schools => schools!
                    .Any(s => s.GetProperty("id").GetGuid() == school.Id && s.GetProperty("places").GetInt32() == grown.Places),
                $"{service} to learn the new capacity");

        var again = await suite.Gateway.CommissionAsync(project.Id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var stored = await suite.Gateway.GetFromJsonAsync<ProjectDto>($"/api/facilities/projects/{project.Id}");
        Assert.Equal("commissioned", stored!.Status);
        Assert.Equal(new DateOnly(2026, 9, 1), stored.InUseFrom);
    }

    [Fact]
    public async Task A_project_for_a_school_the_registry_lacks_registers_it_when_put_into_use()
    {
        var neighbour = await suite.Gateway.RegisterSchoolAsync("红桥区新校邻校小学", classesPerGrade: 2);
        await suite.Gateway.WaitUntilKnownAsync("facilities", neighbour.Id);
        var name = $"红桥区新建测试学校{Guid.NewGuid():N}"[..14];

        // A new school is named with its zone; a zone Facilities does not know, a taken name and a missing size are refused.
        var bad = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            name = "新建工程", stage = "primary", classesAdded = 24, newSchool = new { name = neighbour.Name, zoneId = neighbour.ZoneId },
        });
        Assert.Equal(["newSchool.name", "placesAdded"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal));
        var unknownZone = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            name = "新建工程", stage = "primary", classesAdded = 24, placesAdded = 1080, newSchool = new { name, zoneId = Guid.NewGuid() },
        });
        Assert.Equal(["newSchool.zoneId"],
            (await unknownZone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var inclusivePrimary = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            name = "新建工程", stage = "primary", classesAdded = 24, placesAdded = 1080,
            newSchool = new { name, zoneId = neighbour.ZoneId, ownership = "inclusive_private" },
        });
        Assert.Equal(["newSchool.ownership"],
            (await inclusivePrimary.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var created = await suite.Gateway.PostAsJsonAsync("/api/facilities/projects", new
        {
            name = $"{name}新建工程", stage = "primary", classesAdded = 24, placesAdded = 1080,
            newSchool = new { name, zoneId = neighbour.ZoneId },
        });
        await SuiteApi.EnsureAsync(created);
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (projectId, schoolId) = (project.GetProperty("id").GetGuid(), project.GetProperty("newSchoolId").GetGuid());
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(projectId));
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(projectId));

        // Planning registers the school, open from the 2026 school year with the project's places; the others learn of it.
        var school = await Eventually.Until(async () =>
            await suite.Gateway.GetAsync($"/api/planning/schools/{schoolId}") is { IsSuccessStatusCode: true } found
            ? await found.Content.ReadFromJsonAsync<SchoolDto>() : null, s => s is not null, "Planning to register the new school");
        Assert.Equal((name, neighbour.ZoneId, "open", 1080, 24),
            (school!.Name, school.ZoneId, school.Status, school.Places, school.Classes));
        foreach (var service in new[] { "facilities", "workforce" })
            await suite.Gateway.WaitUntilKnownAsync(service, schoolId);
        var requirements = await Eventually.Until(() =>
            suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/workforce/staffing/requirements?districtCode=120106")!,
            r => r!.Count(x => x.GetProperty("projectId").GetGuid() == projectId) == 2,
            "Workforce to hear of the new school's classes at approval and commissioning");
        Assert.All(requirements!.Where(x => x.GetProperty("projectId").GetGuid() == projectId),
            r => Assert.Equal((schoolId, true), (r.GetProperty("schoolId").GetGuid(), r.GetProperty("newSchool").GetBoolean())));
    }
}

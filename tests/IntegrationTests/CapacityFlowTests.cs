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
                schools => schools!.Any(s => s.GetProperty("id").GetGuid() == school.Id && s.GetProperty("places").GetInt32() == grown.Places),
                $"{service} to learn the new capacity");

        var again = await suite.Gateway.CommissionAsync(project.Id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var stored = await suite.Gateway.GetFromJsonAsync<ProjectDto>($"/api/facilities/projects/{project.Id}");
        Assert.Equal("commissioned", stored!.Status);
        Assert.Equal(new DateOnly(2026, 9, 1), stored.InUseFrom);
    }
}

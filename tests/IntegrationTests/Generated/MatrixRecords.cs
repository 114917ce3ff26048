using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests.Generated;

/// <summary>
/// One record of each kind an operation can name, in one district, and the district each lives in (a plan's area may
/// be the city). The authorization matrix puts them into paths, queries and bodies.
/// </summary>
public sealed record MatrixRecords(string District, IReadOnlyDictionary<string, (string Value, string District)> Records)
{
    public (string Value, string District) this[string kind] => Records[kind];

    /// <summary>Creates the records in <paramref name="district"/>, as a city-wide user of every service.</summary>
    /// <param name="plan">A plan of the city's or a district's (plans are held as seeded), and its area.</param>
    public static async Task<MatrixRecords> CreateAsync(SuiteFixture suite, string district, (string Id, string Area) plan)
    {
        var gateway = suite.Gateway;
        var zone = await gateway.AddZoneAsync(district);
        var school = await IdOfAsync(await gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = $"授权矩阵小学{Guid.NewGuid():N}"[..16], districtCode = district, zoneId = zone, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
        }));
        await gateway.WaitUntilKnownAsync("workforce", school);
        await gateway.WaitUntilKnownAsync("facilities", school);
        var teacher = (await Answer(await gateway.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = $"MX{Guid.NewGuid():N}"[..20], name = "矩阵教师", gender = "男", birthDate = "1980-03-01", schoolId = school,
            atSchoolSince = "2012-09-01", subjects = new[] { "数学" }, title = "一级", establishment = "在编",
        }))).GetProperty("teacher").GetProperty("id").GetGuid();
        var project = await gateway.CreateProjectAsync(school, classesAdded: 2);
        await SuiteApi.EnsureAsync(await gateway.PutAsJsonAsync($"/api/facilities/projects/{project.Id}/details",
            new { type = "new_build", floorArea = 12000, budget = 8000 }));
        var scenario = await IdOfAsync(await gateway.PostAsJsonAsync("/api/planning/scenarios",
            new { districtCode = district, name = $"授权矩阵方案{Guid.NewGuid():N}"[..14], levers = new { horizon = 3 } }));
        // 2031: a year and a term no other test plans for.
        var rotationPlan = await IdOfAsync(await gateway.PostAsJsonAsync("/api/workforce/rotation/plans",
            new { districtCode = district, year = 2031 }));
        var round = await IdOfAsync(await gateway.PostAsJsonAsync("/api/workforce/rounds",
            new { districtCode = district, termFrom = "2031-09-01", termTo = "2034-08-31" }));
        var user = await IdOfAsync(await gateway.PostAsJsonAsync("/api/admin/users", new
        {
            userName = $"mx{Guid.NewGuid():N}"[..20], displayName = "矩阵用户", password = $"Matrix-{Guid.NewGuid():N}",
            districtCode = district,
        }));
        return new MatrixRecords(district, new Dictionary<string, (string, string)>
        {
            ["district"] = (district, district), ["zone"] = (zone.ToString(), district), ["school"] = (school.ToString(), district),
            ["teacher"] = (teacher.ToString(), district), ["project"] = (project.Id.ToString(), district),
            ["scenario"] = (scenario.ToString(), district), ["rotationPlan"] = (rotationPlan.ToString(), district),
            ["round"] = (round.ToString(), district), ["plan"] = (plan.Id, plan.Area), ["user"] = (user.ToString(), district),
        });
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) => (await Answer(response)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> Answer(HttpResponseMessage response)
    {
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

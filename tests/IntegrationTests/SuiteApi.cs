using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.IntegrationTests;

public sealed record SchoolDto(Guid Id, string Name, string DistrictCode, string Stage, int Classes, int ClassSizeNorm, int Places);

public sealed record ProjectDto(Guid Id, Guid SchoolId, string Name, string Stage, int ClassesAdded, int PlacesAdded, string Status, DateOnly? InUseFrom);

/// <summary>The calls a user of the suite makes through the gateway, shared by the tests.</summary>
public static class SuiteApi
{
    public static async Task<SchoolDto> RegisterSchoolAsync(this HttpClient gateway, string name, int classes = 24)
    {
        var response = await gateway.PostAsJsonAsync("/api/planning/schools", new { name, districtCode = "120106", stage = "primary", classes });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<SchoolDto>())!;
    }

    public static async Task<SchoolDto> GetSchoolAsync(this HttpClient gateway, Guid id) =>
        (await gateway.GetFromJsonAsync<SchoolDto>($"/api/planning/schools/{id}"))!;

    /// <summary>Waits until a service's read model holds the school (SchoolRegistered arrived).</summary>
    public static Task WaitUntilKnownAsync(this HttpClient gateway, string service, Guid schoolId) =>
        Eventually.Until(
            () => gateway.GetFromJsonAsync<List<JsonElement>>($"/api/{service}/schools")!,
            schools => schools!.Any(s => s.GetProperty("id").GetGuid() == schoolId),
            $"{service} to learn of school {schoolId}");

    public static async Task<ProjectDto> CreateProjectAsync(this HttpClient gateway, Guid schoolId, int classesAdded)
    {
        var response = await gateway.PostAsJsonAsync("/api/facilities/projects", new { schoolId, name = "扩建工程", classesAdded });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ProjectDto>())!;
    }

    public static Task<HttpResponseMessage> CommissionAsync(this HttpClient gateway, Guid projectId) =>
        gateway.PostAsJsonAsync($"/api/facilities/projects/{projectId}/commission", new { inUseFrom = "2027-09-01" });

    public static async Task<long> CountAsync(this SuiteFixture suite, string database, string table)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(database));
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

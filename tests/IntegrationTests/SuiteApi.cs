using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace Platform.IntegrationTests;

public sealed record StageDto(string Stage, int ClassSizeNorm, int[] ClassesPerGrade, int Classes, int Places);

public sealed record SchoolDto(Guid Id, int Version, string Name, string DistrictCode, Guid ZoneId, string Ownership, string Status,
    StageDto[] Stages, int Classes, int Places);

public sealed record ProjectDto(Guid Id, Guid SchoolId, string Name, string Stage, int ClassesAdded, int PlacesAdded, string Status,
    DateOnly? InUseFrom);

/// <summary>The calls a user of the suite makes through the gateway, shared by the tests.</summary>
public static class SuiteApi
{
    /// <summary>A zone of 红桥区 with a name of its own, for one test.</summary>
    public static async Task<Guid> AddZoneAsync(this HttpClient gateway, string district = "120106")
    {
        var response = await gateway.PostAsJsonAsync($"/api/planning/districts/{district}/zones",
            new { name = $"学区 {Guid.NewGuid():N}", kind = "school_district" });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A public primary school in a new zone of <paramref name="district"/> (红桥区 unless told) with
    /// <paramref name="classesPerGrade"/> classes in each of its 6 grades.
    /// </summary>
    public static async Task<SchoolDto> RegisterSchoolAsync(
        this HttpClient gateway, string name, int classesPerGrade = 4, string district = "120106")
    {
        var zoneId = await gateway.AddZoneAsync(district);
        var response = await gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name, districtCode = district, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = Enumerable.Repeat(classesPerGrade, 6).ToArray() } },
        });
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

    /// <summary>
    /// A district with one primary school of 6 classes (270 places) in a new zone, flat births of 1,000 a year and
    /// 100 pupils in every grade 2014-2021: its forecast is 600 pupils a year.
    /// </summary>
    public static async Task<(Guid ZoneId, Guid SchoolId)> SeedSmallSchoolAsync(this HttpClient gateway, string district, string name)
    {
        var zoneId = await gateway.AddZoneAsync(district);
        var registered = await gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name, districtCode = district, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 1, 1, 1, 1, 1, 1 } } },
        });
        await EnsureAsync(registered);
        var schoolId = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await gateway.ImportAsync("/api/planning/births/import", "区划代码,年份,出生人口\n"
            + string.Join("\n", Enumerable.Range(2006, 12).Select(y => $"{district},{y},1000")));
        await gateway.ImportAsync("/api/planning/enrolment/import", "学校编号,年级,学年,在校生数\n" + string.Join("\n",
            from year in Enumerable.Range(2014, 8) from grade in Enumerable.Range(1, 6) select $"{schoolId},{grade},{year},100"));
        return (zoneId, schoolId);
    }

    public static async Task ImportAsync(this HttpClient gateway, string path, string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "data.csv" } };
        await EnsureAsync(await gateway.PostAsync(path, form));
    }

    public static async Task<ProjectDto> CreateProjectAsync(this HttpClient gateway, Guid schoolId, int classesAdded)
    {
        var response = await gateway.PostAsJsonAsync("/api/facilities/projects", new { schoolId, name = "扩建工程", classesAdded });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ProjectDto>())!;
    }

    /// <summary>立项 on a document, by default on 1 March 2026; 谋划 is recorded with it when it was not.</summary>
    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient gateway, Guid projectId, string date = "2026-03-01") =>
        gateway.PostAsJsonAsync($"/api/facilities/projects/{projectId}/approve", new { date, documentReference = "测试立项批复" });

    /// <summary>投入使用 from 1 September 2026, the gates not recorded before it waived.</summary>
    public static Task<HttpResponseMessage> CommissionAsync(this HttpClient gateway, Guid projectId, string inUseFrom = "2026-09-01") =>
        gateway.PostAsJsonAsync($"/api/facilities/projects/{projectId}/commission",
            new { inUseFrom, documentReference = "测试开办批复", waiverReason = "测试：手续不在本系统记录" });

    public static async Task<long> CountAsync(this SuiteFixture suite, string database, string table)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(database));
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    /// <summary>Publishes straight to the broker, as a service would, with the message id given (a redelivery keeps its id).</summary>
    public static async Task PublishAsync<T>(this SuiteFixture suite, T message, Guid? messageId = null) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host("127.0.0.1", (ushort)suite.Broker.AmqpPort, "/", host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Every published message was delivered and acknowledged: none ready, none in flight.</summary>
    public static Task WaitUntilDrainedAsync(this SuiteFixture suite, string queue) =>
        Eventually.Until(
            () => suite.Broker.ControlAsync("list_queues", "name", "messages_ready", "messages_unacknowledged", "--quiet",
                "--no-table-headers"),
            output => output.Split('\n')
                .Any(line => line.Split('\t', StringSplitOptions.TrimEntries) is [var name, "0", "0"] && name == queue),
            $"queue {queue} to be drained");

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A successful answer's body; any other answer fails with its status and body.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}

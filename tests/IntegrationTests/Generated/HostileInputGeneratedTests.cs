using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.BuildingBlocks.Security;
using Xunit.Abstractions;

namespace Platform.IntegrationTests.Generated;

/// <summary>
/// Bounded work for every request, generated from the services' OpenAPI documents: every number a request carries
/// declares its range, and every hostile value in every field of every operation (a number out of range or beyond
/// its type, NaN, a NUL byte, a date in year 9999, an upload that is not what it claims) is a 400 naming the field,
/// with nothing written and every service's memory still within bounds. An endpoint added later is covered as is.
/// </summary>
[Collection(SuiteCollection.Name)]
public class HostileInputGeneratedTests(SuiteFixture suite, ITestOutputHelper output)
{
    /// <summary>What a service may hold in memory after the whole hostile run (it starts at about 250 MB).</summary>
    private const long MemoryBound = 1L << 30;

    [Fact]
    public async Task Every_number_a_request_carries_declares_its_range_in_the_OpenAPI_document()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var numbers = operations.SelectMany(o => o.Fields.Where(f => f.IsNumber).Select(f => (Operation: o, Field: f))).ToList();
        var unbounded = numbers.Where(n => n.Field.Minimum is null || n.Field.Maximum is null)
            .Select(n => $"{n.Operation} {n.Field.In}:{n.Field.Name}").Distinct().ToList();

        output.WriteLine($"{operations.Count} operations, {numbers.Count} numbers");
        Assert.True(numbers.Count > 100, "the documents describe the requests' numbers");
        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task Every_hostile_value_is_a_400_naming_its_field_with_nothing_written_and_memory_bounded()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var userName = $"hostile-{Guid.NewGuid():N}";
        var token = AccessTokens.Create(suite.Auth, Guid.NewGuid(), userName, "恶意测试", Roles.All, "120000", TimeSpan.FromHours(1));
        var wrong = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            using var client = suite.ClientFor(operation.Service, token);
            foreach (var (request, field, what) in Hostile(operation))
            {
                using (request)
                using (var response = await client.SendAsync(request))
                {
                    sent++;
                    var named = await Requests.NamedFieldsAsync(response);
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                        wrong.Add($"{operation} {field?.Name} = {what}: {(int)response.StatusCode}");
                    else if (!named.Any(name => field is null ? name.Length > 0 : Requests.Names(name, field)))
                        wrong.Add($"{operation} {field?.Name} = {what}: 400 naming [{string.Join(", ", named)}]");
                }
            }
        }

        output.WriteLine($"{sent} hostile requests to {operations.Count} operations");
        output.WriteLine(string.Join('\n', wrong));
        Assert.True(sent > 300, "every operation was tried");
        Assert.Empty(wrong);
        Assert.Equal(0, await Requests.ChangesByAsync(suite, userName));
        foreach (var service in ServiceDocuments.Services)
            Assert.True(Requests.ResidentBytes(suite, service) < MemoryBound,
                $"{service} holds {Requests.ResidentBytes(suite, service) >> 20} MB");
    }

    /// <summary>Each hostile request for an operation: the field it aims at (null for a whole upload) and what it sends.</summary>
    internal static IEnumerable<(HttpRequestMessage Request, Field? Field, string What)> Hostile(Operation operation)
    {
        var path = Requests.PathOf(operation);
        foreach (var field in operation.Parameters("query").Where(f => f.IsNumber && f.Maximum is not null && f.Minimum is not null))
            foreach (var value in new[] { Over(field), Under(field), "1e400", "NaN" })
                yield return (new HttpRequestMessage(new HttpMethod(operation.Method),
                    $"{path}?{field.Name}={value}{Requests.RequiredQuery(operation, field)}"), field, value);
        foreach (var field in operation.Parameters("query").Where(f => f.Format is "date" or "date-time"))
            foreach (var value in new[] { "9999-12-31", "12/31/9999", "01/01/0001" })
                yield return (new HttpRequestMessage(new HttpMethod(operation.Method),
                    $"{path}?{field.Name}={value}{Requests.RequiredQuery(operation, field)}"), field, value);
        if (operation.BodyType == "application/json")
            foreach (var field in operation.BodyFields)
                foreach (var value in Values(field))
                    yield return (Requests.Json(operation, path, field.Body(JsonValue.Create("\u0001RAW\u0001"))
                        .ToJsonString().Replace("\"\\u0001RAW\\u0001\"", value)), field, value);
        // A map's keys are text too: a NUL in one (a funding source, a subject) is refused like one in a value.
        if (operation.BodyType == "application/json")
            foreach (var field in operation.BodyFields.Where(f => f.Containers.Contains("map")))
                yield return (Requests.Json(operation, path,
                    field.Body(JsonValue.Create(1)).ToJsonString().Replace("\"2030\"", "\"20\\u000030\"")),
                    field, "a NUL in a key");
        if (operation.BodyType == "multipart/form-data")
        {
            yield return (Requests.Upload(operation, path, Encoding.UTF8.GetBytes("区划代码,年份\n1201\u000006,2020\n"), "nul.csv"), null,
                "a NUL in a CSV cell");
            yield return (Requests.Upload(operation, path, "PK\u0003\u0004 not a workbook"u8.ToArray(), "broken.xlsx"), null,
                "a broken .xlsx");
            yield return (Requests.Upload(operation, path, "MZ"u8.ToArray(), "program.exe"), null, "an .exe");
        }
    }

    /// <summary>The raw JSON values that must be refused in a field of this kind.</summary>
    private static IEnumerable<string> Values(Field field) => field switch
    {
        { IsNumber: true } => [Over(field), Under(field), field.Type == "integer" ? "2147483648" : "1e400", "\"NaN\""],
        { Type: "string", Format: "date" } => ["\"9999-12-31\"", "\"0001-01-01\""],
        { Type: "string", Format: null } => ["\"正常\\u0000文本\""],
        _ => [],
    };

    private static string Over(Field field) => Number(field, field.Maximum!.Value + Math.Max(1, Math.Abs(field.Maximum.Value)));

    private static string Under(Field field) => Number(field, field.Minimum!.Value - Math.Max(1, Math.Abs(field.Minimum.Value)));

    private static string Number(Field field, double value) =>
        field.Type == "integer" ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Text;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Security;
using Xunit.Abstractions;

namespace Platform.IntegrationTests.Generated;

/// <summary>
/// The authorization matrix, generated from the services' OpenAPI documents: every operation × each demo role ×
/// records of the user's own district, of another district and of the whole city, through the gateway and straight at
/// the service, reads and writes, and writes whose bodies name another district's records. What each operation needs
/// comes from the document ("x-access", its parameters and body schema); an operation the test cannot classify (a new
/// access policy, a parameter or body it cannot fill) fails it, so a new endpoint is tested without being listed.
/// </summary>
[Collection(SuiteCollection.Name)]
public partial class AuthorizationMatrixTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string Hexi = "120103", Hongqiao = "120106", City = "120000";

    /// <summary>The users: each business role of 河西, the city-wide viewer, the three administrators of the city and
    /// 河西's system and security administrators.</summary>
    private static readonly (string Role, string District)[] Users =
    [
        (Roles.Planner, Hexi), (Roles.Hr, Hexi), (Roles.Facilities, Hexi), (Roles.Viewer, City),
        (Roles.SystemAdmin, City), (Roles.SecurityAdmin, City), (Roles.Auditor, City),
        (Roles.SystemAdmin, Hexi), (Roles.SecurityAdmin, Hexi),
    ];

    /// <summary>Who may read and who may change each service's data (docs/security.md, "Roles").</summary>
    private static readonly Dictionary<string, (string[] Readers, string[] Writers)> Access = new()
    {
        ["planning"] = ([Roles.Planner, Roles.Facilities, Roles.Hr, Roles.Viewer], [Roles.Planner]),
        ["workforce"] = ([Roles.Hr, Roles.Viewer], [Roles.Hr]),
        ["facilities"] = ([Roles.Facilities, Roles.Planner, Roles.Viewer], [Roles.Facilities]),
    };

    /// <summary>The roles each access class of the documents admits; a class not here cannot be classified.</summary>
    private static string[]? Admitted(Operation operation) => operation.Access switch
    {
        "read" => Access[operation.Service].Readers,
        "write" => Access[operation.Service].Writers,
        AccessRequirement.AuditorPolicy => [Roles.Auditor],
        AccessRequirement.OperatorPolicy or AccessRequirement.SystemAdminPolicy => [Roles.SystemAdmin],
        AccessRequirement.SecurityAdminPolicy => [Roles.SecurityAdmin],
        AccessRequirement.UserListPolicy => [Roles.SystemAdmin, Roles.SecurityAdmin],
        // Sign-in, refresh and sign-out; one's own password and claims. Their own refusals (a wrong password) are answers.
        "anonymous" or "signed-in" => [.. Roles.All],
        _ => null,
    };

    [Fact]
    public async Task Every_operation_admits_only_its_roles_and_only_records_of_the_users_districts_through_the_gateway_and_directly()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var own = await MatrixRecords.CreateAsync(suite, Hexi, ("tianjin-14", City));
        var other = await MatrixRecords.CreateAsync(suite, Hongqiao, ("hongqiao-15", Hongqiao));
        var run = Guid.NewGuid().ToString("N")[..8];
        var unclassified = new List<string>();
        var wrong = new List<string>();
        var calls = 0;

        foreach (var operation in operations)
        {
            var admitted = Admitted(operation);
            var body = MatrixBodies.For(operation);
            var unknown = UnknownParameters(operation).ToList();
            if (admitted is null || unknown.Count > 0 || (operation.BodyType == "application/json" && body is null)
                || operation.BodyType is not (null or "application/json" or "multipart/form-data"))
            {
                unclassified.Add(
                    $"{operation} (access {operation.Access}; unknown [{string.Join(", ", unknown)}]; body {operation.BodyName})");
                continue;
            }
            var entries = operation.Service == "gateway" ? ["gateway"] : new[] { "gateway", "direct" };
            foreach (var (role, district) in Users)
                foreach (var entry in entries)
                    foreach (var (records, bodyRecords) in new[] { (own, own), (other, other), (own, other) })
                    {
                        if (records == own && bodyRecords == other && !MatrixBodies.NamesRecords(body))
                            continue; // no body naming records
                        var call = Build(operation, body, records, bodyRecords);
                        if (records == other && call.Districts.Count == 0)
                            continue; // names no record: the same call as for the own district
                        var inScope = call.Districts.All(new DistrictScope(district).Covers);
                        var userName = $"matrix-{(inScope ? "" : "refused-")}{run}-{role}";
                        var token = AccessTokens.Create(suite.Auth, Guid.NewGuid(), userName, "矩阵用户",
                            [role], district, TimeSpan.FromHours(1));
                        using var client = suite.ClientFor(entry == "gateway" ? "gateway" : operation.Service, token);
                        var prefix = entry == "gateway" && operation.Service != "gateway" ? $"/api/{operation.Service}" : "";
                        using var request = call.Request(prefix);
                        using var response = await client.SendAsync(request);
                        calls++;
                        var status = (int)response.StatusCode;
                        // A dry run of an import answers 200 with the rows it refuses, naming each (none written either way).
                        var rowsRefused = operation.BodyType == "multipart/form-data" && status == 200
                            && System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"]
                                is System.Text.Json.Nodes.JsonArray { Count: > 0 };
                        // A record out of scope is not found; a body naming one may be refused as a bad field instead, or, when
                        // the user's own record in the path is in a state that refuses the step, as a conflict of that record.
                        var mixed = records != bodyRecords;
                        var problem = operation.Access is "anonymous" or "signed-in" ? Expect(status < 500, "an answer")
                            : !admitted.Contains(role) || (operation.Access == AccessRequirement.OperatorPolicy && district != City)
                                ? Expect(status == 403, "403")
                            : !inScope && !call.BodyNamesOther(district) ? Expect(status == 404, "404")
                            : !inScope ? Expect(status is 400 or 404 || rowsRefused || (mixed && status is 409 or 422), "a refusal")
                            : Expect(status < 500 && status is not (401 or 403) && !(status == 404 && operation.Method == "GET"), "let in");
                        if (problem is not null)
                            wrong.Add($"{role}@{district} {entry} {operation.Method} {call.Path} [{string.Join(",", call.Districts)}]: " +
                                $"{status}, expected {problem}");
                    }
        }

        output.WriteLine($"{operations.Count} operations, {calls} calls");
        output.WriteLine(string.Join('\n', unclassified.Concat(wrong)));
        Assert.Empty(unclassified);
        Assert.Empty(wrong);
        Assert.True(calls > 2000, "every operation was called");
        Assert.Equal(0, await Requests.ChangesByAsync(suite, $"matrix-refused-{run}"));
    }

    private static string? Expect(bool holds, string expected) => holds ? null : expected;

    /// <summary>Path parameters and required query parameters the matrix cannot fill.</summary>
    private static IEnumerable<string> UnknownParameters(Operation operation) =>
        operation.Parameters("path").Where(p => PathValue(operation, p.Name, null) is null)
            .Concat(operation.Parameters("query").Where(p => p.Required && QueryValue(p.Name, null) is null))
            .Select(p => p.Name);

    /// <summary>The record kind or fixed value a path parameter takes: an id's kind follows the path's first segment.</summary>
    private static string? PathValue(Operation operation, string name, MatrixRecords? records) => name switch
    {
        "code" or "districtCode" => Take(records, "district"),
        "teacherId" => Take(records, "teacher"),
        "step" => "submit",
        "queue" => operation.Service,
        "id" => operation.Path.Split('/')[1] switch
        {
            "api" when operation.Path.StartsWith("/api/admin/users/") => Take(records, "user"),
            "schools" => Take(records, "school"),
            "scenarios" => Take(records, "scenario"),
            "plans" => Take(records, "plan"),
            "teachers" => Take(records, "teacher"),
            "rotation" => Take(records, "rotationPlan"),
            "rounds" => Take(records, "round"),
            "projects" => Take(records, "project"),
            _ => null,
        },
        _ => null,
    };

    private static string? QueryValue(string name, MatrixRecords? records) => name.ToLowerInvariant() switch
    {
        "districtcode" or "areacode" => Take(records, "district"),
        "schoolid" => Take(records, "school"),
        "zoneid" => Take(records, "zone"),
        "year" => "2031",
        "asof" => "2026-09-01",
        "dryrun" => "true",
        _ => null,
    };

    private static string Take(MatrixRecords? records, string kind) => records is null ? kind : $"{{{kind}}}";

    private sealed record Call(Operation Operation, string Path, string? Body, IReadOnlyCollection<string> Districts,
        IReadOnlyCollection<string> BodyDistricts)
    {
        public bool BodyNamesOther(string userDistrict) => BodyDistricts.Any(d => !new DistrictScope(userDistrict).Covers(d));

        public HttpRequestMessage Request(string prefix)
        {
            var request = new HttpRequestMessage(new HttpMethod(Operation.Method), prefix + Path);
            if (Operation.BodyType == "application/json")
                request.Content = new StringContent(Body!, Encoding.UTF8, "application/json");
            else if (Operation.BodyType == "multipart/form-data")
                request.Content = new MultipartFormDataContent
                {
                    { new ByteArrayContent(Encoding.UTF8.GetBytes(Body ?? "")), "file", "matrix.csv" },
                };
            return request;
        }
    }

    /// <summary>The call with each placeholder filled from the records: the path's and query's, and the body's.</summary>
    private static Call Build(Operation operation, string? body, MatrixRecords records, MatrixRecords bodyRecords)
    {
        var pathDistricts = new HashSet<string>();
        var bodyDistricts = new HashSet<string>();
        string Fill(string template, MatrixRecords from, HashSet<string> named) => Placeholder().Replace(template, match =>
        {
            if (match.Groups[1].Value == "n")
                return Guid.NewGuid().ToString("N")[..8];
            var (value, district) = from[match.Groups[1].Value];
            named.Add(district);
            return value;
        });
        var query = string.Join('&', operation.Parameters("query").Select(p => (p.Name, Value: QueryValue(p.Name, records)))
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}"));
        var path = Regex.Replace(operation.Path, @"\{(\w+)\}", match => PathValue(operation, match.Groups[1].Value, records)!)
            + (query.Length > 0 ? "?" + query : "");
        path = Fill(path, records, pathDistricts);
        var filledBody = operation.BodyType == "multipart/form-data"
            ? Fill("区划代码,年份,出生人口\n{district},2010,5000\n", bodyRecords, bodyDistricts)
            : body is null ? null : Fill(body, bodyRecords, bodyDistricts);
        return new Call(operation, path, filledBody, [.. pathDistricts.Union(bodyDistricts)], bodyDistricts);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}

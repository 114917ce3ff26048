using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Platform.IntegrationTests.Generated;

/// <summary>What the generated tests send and how they read the answers.</summary>
public static partial class Requests
{
    public static readonly string[] Databases = ["planningdb", "workforcedb", "facilitiesdb", "gatewaydb"];

    /// <summary>The operation's path with each parameter filled: ids, a district code, a workflow step, a queue.</summary>
    public static string PathOf(Operation operation, Func<string, string?>? value = null) =>
        PathParameter().Replace(operation.Path, match => value?.Invoke(match.Groups[1].Value) ?? match.Groups[1].Value switch
        {
            "districtCode" or "code" => "120106",
            "step" => "submit",
            "queue" => operation.Service,
            _ => Guid.NewGuid().ToString(),
        });

    /// <summary>A value for each required query parameter but <paramref name="except"/>, so that only that one is wrong.</summary>
    public static string RequiredQuery(Operation operation, Field except) =>
        string.Concat(operation.Parameters("query")
            .Where(p => p.Required && p != except)
            .Select(p => $"&{p.Name}=" + (p.Name.ToLowerInvariant() switch
            {
                "districtcode" or "areacode" => "120106",
                _ when p.Format == "uuid" => Guid.NewGuid().ToString(),
                _ when p.Format == "date" => "2026-09-01",
                _ => "1",
            })));

    public static HttpRequestMessage Json(Operation operation, string path, string json) =>
        new(new HttpMethod(operation.Method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpRequestMessage Upload(Operation operation, string path, byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new HttpRequestMessage(new HttpMethod(operation.Method), path)
        {
            Content = new MultipartFormDataContent { { content, "file", fileName } }
        };
    }

    /// <summary>The fields a validation answer names, as property paths without list indexes ("stages.classSizeNorm").</summary>
    public static async Task<IReadOnlyList<string>> NamedFieldsAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            if (problem is not JsonObject answer)
                return [];
            // Fields by name; an upload names its file as "field", or its rows.
            var fields = answer["errors"] is JsonObject errors
                ? errors.Select(e => Index().Replace(e.Key, "").TrimStart('$', '.')).ToList()
                : [];
            if (answer["field"] is JsonValue field)
                fields.Add(field.ToString());
            if (answer["rowErrors"] is JsonArray { Count: > 0 })
                fields.Add("file");
            return fields;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Whether a named field is the leaf or one of the properties that hold it.</summary>
    public static bool Names(string named, Field field) =>
        field.Segments.Count == 0 || (named.Length > 0 && (field.Name + ".").StartsWith(named + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>Rows of the audit trails of the services and the gateway changed by this user (refused requests are not changes).</summary>
    public static async Task<long> ChangesByAsync(SuiteFixture suite, string userName)
    {
        long changes = 0;
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(suite.ConnectionString(database));
            changes += await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM audit.trail WHERE strpos(actor, @userName) > 0 AND operation <> 'refused'", new { userName });
        }
        return changes;
    }

    /// <summary>The resident memory of the service's largest replica, from its process (the suite runs on this machine).</summary>
    public static long ResidentBytes(SuiteFixture suite, string service) =>
        suite.Project(service).ProcessIds.Select(pid => File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:")))
            .Max(line => long.Parse(Regex.Match(line, @"\d+").Value) * 1024);

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"\[\d*\]")]
    private static partial Regex Index();
}

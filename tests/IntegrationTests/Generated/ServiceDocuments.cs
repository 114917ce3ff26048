using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.IntegrationTests.Generated;

/// <summary>A value a request carries somewhere: a query or path parameter, or a leaf of its JSON body.</summary>
/// <param name="Segments">The property names from the body's root to the leaf (lists and maps add none).</param>
/// <param name="Containers">For each segment and the leaf: "object", "list" or "map", how to build a body reaching it.</param>
public sealed record Field(string In, IReadOnlyList<string> Segments, IReadOnlyList<string> Containers, JsonObject Schema,
    bool Required = false)
{
    public string Name => string.Join('.', Segments);
    public string Type => Schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t is "integer" or "number")
            ?? types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => "string",
    };
    public string? Format => Schema["format"]?.GetValue<string>();
    public bool IsNumber => Type is "integer" or "number";
    public double? Minimum => Bound("minimum");
    public double? Maximum => Bound("maximum");

    private double? Bound(string name) => Schema[name] switch
    {
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        JsonValue value when double.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A body that carries <paramref name="value"/> at this leaf and nothing else.</summary>
    public JsonNode Body(JsonNode? value)
    {
        var node = value;
        var segment = Segments.Count;
        for (var i = Containers.Count - 1; i >= 0; i--)
            node = Containers[i] switch
            {
                "list" => new JsonArray(node),
                "map" => new JsonObject { ["2030"] = node },
                _ => new JsonObject { [Segments[--segment]] = node },
            };
        return node!;
    }
}

/// <summary>One operation of a service's OpenAPI document, with who may call it ("x-access") and what it carries.</summary>
/// <param name="BodyName">The body's schema in the document's components, if it has one.</param>
/// <param name="Summary">What the operation does, in the words of its users (Chinese).</param>
/// <param name="Description">What the operation does, in English.</param>
public sealed record Operation(
    string Service, string Method, string Path, string? Access, string? BodyType, string? BodyName, IReadOnlyList<Field> Fields,
    string? Summary = null, string? Description = null)
{
    public override string ToString() => $"{Method} {Service}{Path}";
    public IEnumerable<Field> BodyFields => Fields.Where(f => f.In == "body");
    public IEnumerable<Field> Parameters(string where) => Fields.Where(f => f.In == where);
}

/// <summary>The services' own OpenAPI documents, read from each running service: the tests are generated from them.</summary>
public static class ServiceDocuments
{
    public static readonly string[] Services = ["planning", "workforce", "facilities", "gateway"];

    public static async Task<IReadOnlyList<Operation>> ReadAsync(SuiteFixture suite)
    {
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            using var client = suite.ClientFor(service, null);
            var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
            var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
            foreach (var (path, item) in document["paths"]!.AsObject())
                foreach (var (method, operation) in item!.AsObject())
                {
                    var fields = new List<Field>();
                    foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                        fields.Add(new Field(parameter!["in"]!.GetValue<string>(), [parameter["name"]!.GetValue<string>()], [],
                            Resolve(parameter["schema"], schemas), parameter["required"]?.GetValue<bool>() == true));
                    var content = operation["requestBody"]?["content"]?.AsObject();
                    var bodyType = content?.Select(c => c.Key).FirstOrDefault();
                    if (content?["application/json"]?["schema"] is { } body)
                        Leaves(Resolve(body, schemas), schemas, [], [], fields, 0);
                    var bodyName = content?["application/json"]?["schema"] is { } named ? ReferenceOf(named) : null;
                    operations.Add(new Operation(service, method.ToUpperInvariant(), path,
                        operation["x-access"]?.GetValue<string>(), bodyType, bodyName, fields,
                        operation["summary"]?.GetValue<string>(), operation["description"]?.GetValue<string>()));
                }
        }
        return operations;
    }

    private static void Leaves(JsonObject schema, JsonObject schemas, List<string> segments, List<string> containers, List<Field> found,
        int depth)
    {
        if (depth > 8)
            return;
        if (schema["oneOf"] is JsonArray choices)
        {
            foreach (var choice in choices)
                if (choice?["type"]?.ToString() != "null")
                    Leaves(Resolve(choice, schemas), schemas, segments, containers, found, depth + 1);
            return;
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
                Leaves(Resolve(property, schemas), schemas, [.. segments, name], [.. containers, "object"], found, depth + 1);
            return;
        }
        if (schema["items"] is JsonNode items)
            Leaves(Resolve(items, schemas), schemas, segments, [.. containers, "list"], found, depth + 1);
        else if (schema["additionalProperties"] is JsonObject values)
            Leaves(Resolve(values, schemas), schemas, segments, [.. containers, "map"], found, depth + 1);
        else
            found.Add(new Field("body", segments, containers, schema));
    }

    private static string? ReferenceOf(JsonNode schema) =>
        (schema["$ref"] ?? (schema["oneOf"] as JsonArray)?.Select(c => c?["$ref"]).FirstOrDefault(r => r is not null))
            ?.GetValue<string>().Split('/')[^1];

    private static JsonObject Resolve(JsonNode? schema, JsonObject schemas) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? schemas[reference.Split('/')[^1]]!.AsObject()
            : schema as JsonObject ?? [];
}

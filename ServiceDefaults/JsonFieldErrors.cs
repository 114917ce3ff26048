using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// When a JSON body does not bind, System.Text.Json reports only the first bad value. This reads the buffered body
/// again and checks every property of the endpoint's request type, so the answer names each field that is wrong.
/// </summary>
public static class JsonFieldErrors
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PlainText.JsonConverter(), new DateRange.JsonConverter() },
    };

    public static Dictionary<string, string[]> Find(string body, Type? requestType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new() { ["$"] = [$"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."] };
        }
        using (document)
        {
            if (requestType is not null
                && document.RootElement.ValueKind == JsonValueKind.Array
                && ElementType(requestType) is { } elementType)
            {
                // A list body (a district's training rules): each element's fields, by index.
                var listErrors = new Dictionary<string, string[]>();
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                    CheckProperties(element, elementType, $"[{index++}].", listErrors);
                return listErrors.Count > 0 ? listErrors : new() { ["$"] = ["The body does not match the expected shape."] };
            }
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new() { ["$"] = ["The body must be a JSON object."] };
            if (requestType is null)
                return new() { ["$"] = ["The body does not match the expected shape."] };

            var errors = new Dictionary<string, string[]>();
            CheckProperties(document.RootElement, requestType, "", errors);
            return errors.Count > 0 ? errors : new() { ["$"] = ["The body does not match the expected shape."] };
        }
    }

    private static void CheckProperties(JsonElement body, Type type, string prefix, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.')] = ["must be an object."];
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (value.ValueKind == JsonValueKind.Undefined)
                continue;
            try
            {
                value.Deserialize(property.PropertyType, Web);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                errors[prefix + name] = [$"must be {Describe(property.PropertyType)}."];
            }
        }
    }

    private static Type? ElementType(Type type) => type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0] is { } element && element != typeof(char) && !element.IsGenericType ? element : null;

    /// <summary>Reads the request body again (buffered by MapDefaultEndpoints) and finds the fields that do not bind.</summary>
    public static async Task<Dictionary<string, string[]>> FindAsync(HttpContext context)
    {
        // The exception handler clears the endpoint before handlers run; the feature keeps the original.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (!context.Request.Body.CanSeek)
            return new() { ["$"] = ["The body is not valid JSON or does not match the expected shape."] };
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        return Find(await reader.ReadToEndAsync(context.RequestAborted), requestType);
    }

    public static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(Guid) => "an id (UUID)",
        var t when t == typeof(DateOnly) => DateRange.Described,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "a date and time (ISO 8601)",
        var t when t == typeof(string) => "text without control characters",
        var t when t.IsArray || (t.IsGenericType && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))) => "a list",
        _ => "an object of the expected shape",
    };
}

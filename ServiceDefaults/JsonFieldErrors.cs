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
            var (line, position) = (e.LineNumber + 1, e.BytePositionInLine + 1);
            return new()
            {
                ["$"] = [new UserText($"不是有效的 JSON（第 {line} 行第 {position} 字节）。",
                    $"The body is not valid JSON (line {line}, byte {position}).").ToString()],
            };
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
                return listErrors.Count > 0 ? listErrors : new() { ["$"] = [Unexpected.ToString()] };
            }
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new() { ["$"] = [new UserText("须为 JSON 对象。", "The body must be a JSON object.").ToString()] };
            if (requestType is null)
                return new() { ["$"] = [Unexpected.ToString()] };

            var errors = new Dictionary<string, string[]>();
            CheckProperties(document.RootElement, requestType, "", errors);
            return errors.Count > 0 ? errors : new() { ["$"] = [Unexpected.ToString()] };
        }
    }

    private static void CheckProperties(JsonElement body, Type type, string prefix, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.')] = [new UserText("须为对象。", "must be an object.").ToString()];
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
                errors[prefix + name] = [Expected(property.PropertyType).ToString()];
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
            return new() { ["$"] = [Unexpected.ToString()] };
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        return Find(await reader.ReadToEndAsync(context.RequestAborted), requestType);
    }

    private static readonly UserText Unexpected = new("内容不符合要求的格式。", "The body does not match the expected shape.");

    /// <summary>What a value of the type must be, said to the user.</summary>
    public static UserText Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => new("须为整数。", "must be a whole number."),
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => new("须为数字。", "must be a number."),
        var t when t == typeof(bool) => new("须为是或否（true 或 false）。", "must be true or false."),
        var t when t == typeof(Guid) => new("须为编号（UUID）。", "must be an id (UUID)."),
        var t when t == typeof(DateOnly) => DateRange.Expected,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) =>
            new("须为日期和时间（ISO 8601）。", "must be a date and time (ISO 8601)."),
        var t when t == typeof(string) => PlainText.Expected,
        var t when t.IsArray || (t.IsGenericType && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))) => new("须为列表。", "must be a list."),
        _ => new("须为符合要求的对象。", "must be an object of the expected shape."),
    };
}

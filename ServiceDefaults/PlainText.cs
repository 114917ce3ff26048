using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Text a request may carry: no control characters but tab and line breaks, and no overrides of the writing direction.
/// PostgreSQL cannot store a NUL in text, and no field of the suite has a use for the others, so they are refused
/// where the request is read, naming the field, before any handler or database sees them.
/// </summary>
public static class PlainText
{
    public static readonly UserText Expected = new("须为不含控制字符的文字。", "must be text without control characters.");

    public static bool IsPlain(string? text) =>
        text is null || !text.Any(c => (c < ' ' && c is not ('\t' or '\n' or '\r')) || IsBidiControl(c));

    /// <summary>Overrides and isolates of the writing direction: they make a name display as another (U+202E).</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Refuses a JSON string with a control character, so the body's field is named as a bad value.</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is var text && IsPlain(text) ? text : throw new JsonException("The text has a control character.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        /// <summary>A map's keys are text too (a funding source, a subject).</summary>
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options)!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }

    /// <summary>
    /// Answers 400 naming the query parameter or the path that carries a control character, or the query parameter
    /// that carries a date outside <see cref="DateRange"/> (bodies are held to both by their JSON converters).
    /// </summary>
    public static async Task RefuseInUrlAsync(HttpContext context, Func<Task> next)
    {
        var query = context.Request.Query;
        var (field, problem) = !IsPlain(context.Request.Path.Value) ? ("path", Expected)
            : query.FirstOrDefault(pair => !IsPlain(pair.Key) || pair.Value.Any(value => !IsPlain(value))).Key is { } text
                ? (text, Expected)
            : query.FirstOrDefault(pair => pair.Value.Any(DateRange.IsOutside)).Key is { } date ? (date, DateRange.Expected)
            : (null, null);
        if (field is null)
        {
            await next();
            return;
        }
        await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem!.ToString()] },
            title: ProblemTitles.Unreadable.ToString()).ExecuteAsync(context);
    }
}

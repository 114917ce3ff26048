using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The dates a request may carry: 1900-01-01 to 2100-12-31, the span of any school, plan or training cycle. A date
/// outside it (9999-12-31) is refused where the body is read, naming the field, instead of being stored and
/// breaking every later calculation that steps through the years up to it.
/// </summary>
public static class DateRange
{
    public static readonly DateOnly First = new(1900, 1, 1), Last = new(2100, 12, 31);

    public static readonly UserText Expected = new(
        $"须为 {First:yyyy-MM-dd} 到 {Last:yyyy-MM-dd} 之间的日期（yyyy-MM-dd）。",
        $"must be a date from {First:yyyy-MM-dd} to {Last:yyyy-MM-dd} (yyyy-MM-dd).");

    /// <summary>
    /// Whether a text is a date, or a date and time, outside the range, in any form a query binds (2026-09-01,
    /// 12/31/9999, 2026-09-01T08:00:00Z).
    /// </summary>
    public static bool IsOutside(string? text) =>
        DateTime.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment)
        && (DateOnly.FromDateTime(moment) < First || DateOnly.FromDateTime(moment) > Last);

    public sealed class JsonConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= First && date <= Last
                ? date
                : throw new JsonException(Expected.En);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}

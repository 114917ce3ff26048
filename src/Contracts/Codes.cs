using System.Text.Json;

namespace Platform.Contracts;

public static class Codes
{
    /// <summary>An enum member as the services send and store it: its name in camelCase ("proposed", "openingSlips").</summary>
    public static string Code<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

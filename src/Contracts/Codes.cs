using System.Text.Json;

namespace Platform.Contracts;

public static class Codes
{
    /// <summary>An enum member as the services send and store it: its name in camelCase ("proposed", "openingSlips").</summary>
    public static string Code<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>
    /// The member a code names, in any case ("inEffect", "InEffect"); a number or any other text is no code (where
    /// Enum.TryParse would take "7" for a member that does not exist).
    /// </summary>
    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
            if (string.Equals(member.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        value = default;
        return false;
    }
}

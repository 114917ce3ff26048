using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The districts a user may see, as one administrative code (GB/T 2260): a district (120106 红桥区) covers itself; a
/// code ending in 00 covers its city's districts and one ending in 0000 its province's (120000 天津市 covers 1201xx).
/// Carried in the token's district claim; every service applies it in its own queries.
/// </summary>
public sealed partial record DistrictScope
{
    public const string ClaimType = "district";

    public DistrictScope(string code)
    {
        if (!IsCode(code))
            throw new ArgumentException($"'{code}' is not a six-digit administrative code.", nameof(code));
        Code = code;
        Prefix = code.EndsWith("0000", StringComparison.Ordinal) ? code[..2]
            : code.EndsWith("00", StringComparison.Ordinal) ? code[..4]
            : code;
    }

    public string Code { get; }

    /// <summary>What every covered district code starts with, for SQL: <c>starts_with(district_code, @Prefix)</c>.</summary>
    public string Prefix { get; }

    public bool Covers(string? districtCode) => districtCode is not null && districtCode.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether the scope is a single district, so that a list asked for without a district means that one.</summary>
    public bool IsSingleDistrict => Prefix.Length == Code.Length;

    public static bool IsCode(string? code) => code is not null && SixDigits().IsMatch(code);

    /// <summary>The scope of a signed-in user; null for a user whose token carries no valid district claim.</summary>
    public static DistrictScope? Of(ClaimsPrincipal user) =>
        user.FindFirst(ClaimType)?.Value is { } code && IsCode(code) ? new DistrictScope(code) : null;

    /// <summary>Binds a handler parameter to the caller's scope; the access policy has already refused callers without one.</summary>
    public static ValueTask<DistrictScope?> BindAsync(HttpContext context) => ValueTask.FromResult(Of(context.User));

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex SixDigits();
}

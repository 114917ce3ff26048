namespace Platform.Web.Api;

/// <summary>A district's code as a request may name it: six digits (120106), nothing else.</summary>
public readonly record struct DistrictCode(string Value)
{
    public static bool TryParse(string? value, out DistrictCode code)
    {
        var valid = value is { Length: 6 } && value.All(char.IsAsciiDigit);
        code = valid ? new DistrictCode(value!) : default;
        return valid;
    }

    public override string ToString() => Value;
}

namespace Platform.Web.Api;

/// <summary>A plan's id as a request may name it: up to 64 ASCII letters, digits, '-' and '_' (hebei-14).</summary>
public readonly record struct PlanId(string Value)
{
    public static bool TryParse(string? value, out PlanId id)
    {
        var valid = value is { Length: > 0 and <= 64 }
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        id = valid ? new PlanId(value!) : default;
        return valid;
    }

    public override string ToString() => Value;
}

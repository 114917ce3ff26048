using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// The domain range of a number a request may carry, or of every number in a list or map of them. Every numeric
/// field of a request declares one (the OpenAPI tests fail otherwise): the validation filter answers 400 naming the
/// field before the handler runs, and <see cref="BoundsSchema"/> writes the range into the OpenAPI document.
/// NaN and infinities are never within bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BoundsAttribute : ValidationAttribute
{
    public BoundsAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public double Minimum { get; }
    public double Maximum { get; }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string => false,
        IDictionary map => map.Values.Cast<object?>().All(IsValid),
        IEnumerable list => list.Cast<object?>().All(IsValid),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture) is var number && number >= Minimum && number <= Maximum,
    };

    /// <summary>In the request's language: the validation filter runs inside the request.</summary>
    public override string FormatErrorMessage(string name) => UserText.Between(
        Minimum.ToString(CultureInfo.InvariantCulture), Maximum.ToString(CultureInfo.InvariantCulture)).ToString();
}

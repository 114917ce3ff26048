using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

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
        : base("must be between {1} and {2}.")
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

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name, Minimum, Maximum);
}

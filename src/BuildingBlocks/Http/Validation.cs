using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// Collects every problem with a request, by field, so one answer lists them all (RFC 7807 validation problem).
/// Field names are the JSON property names the client sent; messages are <see cref="UserText"/>, kept in the request's
/// language.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool IsValid => errors.Count == 0;

    public void Add(string field, UserText message)
    {
        if (!errors.TryGetValue(field, out var messages))
            errors[field] = messages = [];
        messages.Add(message.ToString());
    }

    public string Text(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        // Zero-width and other invisible characters alone are no text: a name nobody can see or tell apart.
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Any(IsVisible))
            Add(field, UserText.Required);
        else if (trimmed.Length > maxLength)
            Add(field, UserText.AtMost(maxLength));
        return trimmed ?? "";
    }

    /// <summary>A number that must be given; its range is the request field's <see cref="BoundsAttribute"/>, checked before.</summary>
    public int Required(string field, int? value)
    {
        if (value is null)
            Add(field, UserText.Required);
        return value ?? 0;
    }

    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control);

    public int Number(string field, int? value, int min, int max)
    {
        if (value is null)
            Add(field, UserText.Required);
        else if (value < min || value > max)
            Add(field, UserText.Between(min, max));
        return value ?? 0;
    }

    public T? OneOf<T>(string field, string? value, IReadOnlyDictionary<string, T> allowed) where T : class
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, UserText.Required);
            return null;
        }
        if (allowed.TryGetValue(value, out var found))
            return found;
        // The page offers the choices by name; the codes are for clients of the API.
        Add(field, new("不是可选的值。", $"must be one of: {string.Join(", ", allowed.Keys)}."));
        return null;
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: ProblemTitles.Invalid.ToString());

    /// <summary>
    /// The same answer as <see cref="Problem"/>, typed as a problem, for steps whose failures may also be other problems.
    /// </summary>
    public ProblemHttpResult AsProblem() => TypedResults.Problem(Problem().ProblemDetails);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Validation answers name fields as the client wrote them: the validation filter reports C# member paths
/// ("Housing.ResidentsPerDwelling", "Stages[0].ClassSizeNorm"), which become JSON paths ("housing.residentsPerDwelling").
/// </summary>
public static class FieldNames
{
    public const string InvalidTitle = "The request has invalid fields.";
    private const string DefaultTitle = "One or more validation errors occurred.";

    public static void Customize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails problem)
            return;
        if (problem.Title == DefaultTitle)
            problem.Title = InvalidTitle;
        var errors = problem.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in errors)
            problem.Errors[field] = messages;
    }

    public static string JsonPath(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}

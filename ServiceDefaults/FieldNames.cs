using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Validation answers name fields as the client wrote them: the validation filter reports C# member paths
/// ("Housing.ResidentsPerDwelling", "Stages[0].ClassSizeNorm"), which become JSON paths ("housing.residentsPerDwelling");
/// and every problem's title is in the user's language (<see cref="ProblemTitles"/>).
/// </summary>
public static class FieldNames
{
    public static void Customize(ProblemDetailsContext context)
    {
        ProblemTitles.Customize(context);
        if (context.ProblemDetails is not HttpValidationProblemDetails problem)
            return;
        var errors = problem.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in errors)
            problem.Errors[field] = messages;
    }

    public static string JsonPath(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}

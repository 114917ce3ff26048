using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Security;

/// <summary>A query object whose omitted district can be filled in with the caller's own.</summary>
public interface IDistrictFilter
{
    string? DistrictCode { get; }

    IDistrictFilter For(string districtCode);
}

/// <summary>
/// The district scope applied to every endpoint of a service's API, before its handler runs. The database holds the
/// scope itself (row-level security, <see cref="Data.ScopedDataSources"/>): a record of another district is not found
/// and cannot be written. This filter adds what the database cannot know:
/// <list type="bullet">
/// <item>a district named in the route or query (districtCode, areaCode, or the code of /districts/{code}) or by any
/// request object (a property districtCode, areaCode or districtCodes) must be in scope, else 404, as if it did not
/// exist;</item>
/// <item>a list asked for without a district, by a user of one district, is that district's list.</item>
/// </list>
/// </summary>
public sealed class ScopeFilter : IEndpointFilter
{
    private static readonly string[] DistrictNames = ["districtCode", "areaCode", "code"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (DistrictScope.Of(http.User) is not { } scope)
            return await next(context); // an anonymous endpoint: the access policy guards the others

        foreach (var name in DistrictNames)
            if ((http.Request.RouteValues.TryGetValue(name, out var value)
                    ? value as string
                    : http.Request.Query[name].FirstOrDefault()) is { Length: > 0 } code
                && !scope.Covers(code))
                return TypedResults.NotFound();
        if (context.Arguments.Any(argument => DistrictsNamedBy(argument).Any(code => code is { Length: > 0 } && !scope.Covers(code))))
            return TypedResults.NotFound();

        if (scope.IsSingleDistrict)
            ApplyDistrict(context, scope.Code);
        return await next(context);
    }
    /// <summary>The district codes a request object names, by the properties every request names them with.</summary>
    private static IEnumerable<string> DistrictsNamedBy(object? argument) =>
        argument is null ? [] : DistrictProperties.GetOrAdd(argument.GetType(), FindDistrictProperties)
            .SelectMany(property => property.GetValue(argument) switch
            {
                string code => [code],
                IEnumerable<string?> codes => codes.OfType<string>(),
                _ => [],
            });

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> DistrictProperties = new();

    private static PropertyInfo[] FindDistrictProperties(Type type) => type.IsPrimitive || type == typeof(string)
        ? []
        : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is "DistrictCode" or "AreaCode" or "DistrictCodes" && p.GetIndexParameters().Length == 0)
            .ToArray();

    /// <summary>Fills an omitted district (a districtCode argument, or a query object's) with the user's own.</summary>
    private static void ApplyDistrict(EndpointFilterInvocationContext context, string district)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters() ?? [];
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is IDistrictFilter { DistrictCode: null or "" } filter)
                context.Arguments[i] = filter.For(district);
            else if (i < parameters.Length
                && parameters[i].Name == "districtCode"
                && parameters[i].ParameterType == typeof(string)
                && context.Arguments[i] is null)
                context.Arguments[i] = district;
        }
    }
}

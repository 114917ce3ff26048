using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Security;

/// <summary>A request body or query object that names the district it is about.</summary>
public interface IInDistrict
{
    string? DistrictCode { get; }
}

/// <summary>A query object whose omitted district can be filled in with the caller's own.</summary>
public interface IDistrictFilter : IInDistrict
{
    IDistrictFilter For(string districtCode);
}

/// <summary>
/// Finds the district of the record an endpoint's route "id" names, e.g. "SELECT district_code FROM schools WHERE id = @id",
/// so that a record outside the caller's scope answers 404 before the handler runs.
/// </summary>
public sealed record DistrictOfRecord(string Sql);

/// <summary>
/// The district scope applied to every endpoint of a service's API, before its handler runs:
/// <list type="bullet">
/// <item>a district named in the route or query (districtCode, areaCode, or the code of /districts/{code}) or in a
/// request object (<see cref="IInDistrict"/>) must be in scope, else 404, as if it did not exist;</item>
/// <item>a record named by the route's id must be in a district in scope (<see cref="DistrictOfRecord"/>), else 404;</item>
/// <item>a list asked for without a district, by a user of one district, is that district's list.</item>
/// </list>
/// Queries that list across districts filter by <see cref="DistrictScope.Prefix"/> themselves.
/// </summary>
public sealed class ScopeFilter(NpgsqlDataSource dataSource) : IEndpointFilter
{
    private static readonly string[] DistrictNames = ["districtCode", "areaCode", "code"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (DistrictScope.Of(http.User) is not { } scope)
            return await next(context); // an anonymous endpoint: the access policy guards the others

        foreach (var name in DistrictNames)
            if ((http.Request.RouteValues.TryGetValue(name, out var value) ? value as string : http.Request.Query[name].FirstOrDefault()) is { Length: > 0 } code
                && !scope.Covers(code))
                return TypedResults.NotFound();
        if (context.Arguments.OfType<IInDistrict>().Any(request => request.DistrictCode is { Length: > 0 } code && !scope.Covers(code)))
            return TypedResults.NotFound();

        if (http.GetEndpoint()?.Metadata.GetMetadata<DistrictOfRecord>() is { } record
            && http.Request.RouteValues.TryGetValue("id", out var routeId) && Guid.TryParse(routeId as string, out var id))
        {
            await using var connection = await dataSource.OpenAuditedAsync(http.RequestAborted);
            var district = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(record.Sql, new { id }, cancellationToken: http.RequestAborted));
            if (district is not null && !scope.Covers(district))
                return TypedResults.NotFound();
        }

        if (scope.IsSingleDistrict)
            ApplyDistrict(context, scope.Code);
        return await next(context);
    }

    /// <summary>Fills an omitted district (a districtCode argument, or a query object's) with the user's own.</summary>
    private static void ApplyDistrict(EndpointFilterInvocationContext context, string district)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters() ?? [];
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is IDistrictFilter { DistrictCode: null or "" } filter)
                context.Arguments[i] = filter.For(district);
            else if (i < parameters.Length && parameters[i].Name == "districtCode" && parameters[i].ParameterType == typeof(string) && context.Arguments[i] is null)
                context.Arguments[i] = district;
        }
    }
}

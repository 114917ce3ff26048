using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Platform.Workforce.Schools;

public sealed record StaffedSchool(Guid Id, string Name, string DistrictCode, string Stage, int Classes);

public static class SchoolsApi
{
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schools", ListAsync).WithTags("Schools");
        return app;
    }

    private static async Task<Ok<List<StaffedSchool>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var schools = await connection.QueryAsync<StaffedSchool>(new CommandDefinition(
            "SELECT id, name, district_code AS DistrictCode, stage, classes FROM schools ORDER BY district_code, name",
            cancellationToken: cancellationToken));
        return TypedResults.Ok(schools.ToList());
    }
}

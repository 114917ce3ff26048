using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Platform.Facilities.Schools;

public sealed record KnownSchool(Guid Id, string Name, string DistrictCode, string Stage, int ClassSizeNorm);

public static class SchoolsApi
{
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schools", ListAsync).WithTags("Schools");
        return app;
    }

    /// <summary>The schools Facilities knows of (from Planning's events), which projects can be attached to.</summary>
    private static async Task<Ok<List<KnownSchool>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var schools = await connection.QueryAsync<KnownSchool>(new CommandDefinition(
            "SELECT id, name, district_code AS DistrictCode, stage, class_size_norm AS ClassSizeNorm FROM schools ORDER BY district_code, name",
            cancellationToken: cancellationToken));
        return TypedResults.Ok(schools.ToList());
    }
}

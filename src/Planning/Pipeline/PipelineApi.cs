using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Platform.Planning.Pipeline;

/// <summary>The facility pipeline Planning counts: proposed and approved projects not yet in use.</summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pipeline", async Task<Ok<IReadOnlyList<PipelineProject>>> (string? districtCode, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return TypedResults.Ok(await PipelineQueries.ListAsync(connection, districtCode, cancellationToken));
        }).WithTags("Pipeline");
        return app;
    }
}

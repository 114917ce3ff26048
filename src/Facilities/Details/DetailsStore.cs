using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Facilities.Details;

/// <summary>A project's details and its funding by source.</summary>
internal static class DetailsStore
{
    private sealed record Row(
        Guid ProjectId, string Type, decimal? FloorArea, decimal? LandArea, decimal? Budget, string? ResponsibleUnit,
        string? Contractor);

    public static async Task<ProjectDetails?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.SingleOrDefaultAsync<Row>("""
            SELECT project_id AS ProjectId, type, floor_area AS FloorArea, land_area AS LandArea, budget,
                   responsible_unit AS ResponsibleUnit, contractor
            FROM project_details
            WHERE project_id = @id
            """, new { id }, cancellationToken);
        if (row is null)
            return null;
        var funding = (await connection.ListAsync<(string Source, decimal Amount)>("""
                SELECT source, amount
                FROM project_funding
                WHERE project_id = @id
                ORDER BY amount DESC
                """, new { id }, cancellationToken))
            .ToDictionary(f => f.Source, f => f.Amount);
        return new ProjectDetails(row.ProjectId, row.Type, ProjectTypes.Names[row.Type], row.FloorArea, row.LandArea, row.Budget,
            funding, row.ResponsibleUnit, row.Contractor);
    }

    /// <returns>Whether the project exists: only then are its details written.</returns>
    public static async Task<bool> SetAsync(
        NpgsqlConnection connection, Guid id, DetailsRequest request, IReadOnlyDictionary<string, decimal> funding,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await transaction.WriteAsync("""
            INSERT INTO project_details (project_id, type, floor_area, land_area, budget, responsible_unit, contractor)
            SELECT id, @Type, @FloorArea, @LandArea, @Budget, @ResponsibleUnit, @Contractor
            FROM projects
            WHERE id = @id
            ON CONFLICT (project_id) DO UPDATE
                SET type = excluded.type, floor_area = excluded.floor_area, land_area = excluded.land_area,
                    budget = excluded.budget, responsible_unit = excluded.responsible_unit, contractor = excluded.contractor
            """, new
        {
            id, request.Type, request.FloorArea, request.LandArea, request.Budget, request.ResponsibleUnit, request.Contractor,
        }, cancellationToken);
        if (written == 0)
            return false;
        await transaction.WriteAsync("""
            DELETE FROM project_funding
            WHERE project_id = @id;
            INSERT INTO project_funding (project_id, source, amount)
            SELECT @id, s, a
            FROM unnest(@sources, @amounts) AS f (s, a);
            """, new { id, sources = funding.Keys.Select(k => k.Trim()).ToArray(), amounts = funding.Values.ToArray() },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

using System.Text.Json.Serialization;
using Npgsql;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Planning.Schools;

public sealed record StageView(string Stage, int ClassSizeNorm, IReadOnlyList<int> ClassesPerGrade, int Classes, int Places);

/// <summary>A school with its capacity: per stage, classes × norm plus what commissioned projects added.</summary>
public sealed record SchoolView(
    Guid Id, int Version, string Name, string DistrictCode, Guid ZoneId, Guid? StreetId, string Ownership, string Status, int? OpeningYear,
    IReadOnlyList<StageView> Stages) : Named(Id, Name)
{
    public int Classes => Stages.Sum(s => s.Classes);
    public int Places => Stages.Sum(s => s.Places);

    [JsonIgnore]
    public IReadOnlyList<SchoolStageCapacity> Capacities =>
        Stages.Select(s => new SchoolStageCapacity(s.Stage, s.ClassSizeNorm, s.Classes, s.Places)).ToList();
}

public static class SchoolStore
{
    private sealed record SchoolRow(
        Guid Id, int Version, string Name, string DistrictCode, Guid ZoneId, Guid? StreetId, string Ownership, string Status,
        int? OpeningYear);

    private sealed record StageRow(Guid SchoolId, string Stage, int ClassSizeNorm);

    private sealed record ClassRow(Guid SchoolId, int Grade, int Classes);

    private sealed record AdditionRow(Guid SchoolId, string Stage, long Classes, long Places);

    public static async Task<SchoolView?> FindAsync(
        NpgsqlConnection connection, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        (await LoadAsync(connection, "id = @id", new { id }, cancellationToken, transaction)).SingleOrDefault();

    public static Task<IReadOnlyList<SchoolView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, Guid? zoneId, CancellationToken cancellationToken) =>
        LoadAsync(connection,
            "(@districtCode::text IS NULL OR district_code = @districtCode) AND (@zoneId::uuid IS NULL OR zone_id = @zoneId)",
            new { districtCode, zoneId }, cancellationToken);

    /// <summary>
    /// Loads schools with their stages, classes and additions in one snapshot (the caller's transaction, or a
    /// repeatable-read one), so a commissioning committed between the statements cannot give a mixed view.
    /// </summary>
    private static async Task<IReadOnlyList<SchoolView>> LoadAsync(
        NpgsqlConnection connection, string where, object parameters, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        if (transaction is null)
        {
            await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            return await LoadAsync(connection, where, parameters, cancellationToken, snapshot);
        }
        var schools = (await transaction.ListAsync<SchoolRow>($"""
            SELECT id, version, name, district_code AS DistrictCode, zone_id AS ZoneId, street_id AS StreetId, ownership, status,
                   opening_year AS OpeningYear
            FROM schools
            WHERE {where}
            ORDER BY district_code, name
            """, parameters, cancellationToken)).ToList();
        if (schools.Count == 0)
            return [];

        using var details = await transaction.MultipleAsync("""
            SELECT school_id AS SchoolId, stage, class_size_norm AS ClassSizeNorm
            FROM school_stages
            WHERE school_id = ANY(@ids);
            SELECT school_id AS SchoolId, grade, classes
            FROM school_classes
            WHERE school_id = ANY(@ids);
            SELECT school_id AS SchoolId, stage, sum(classes_added) AS Classes, sum(places_added) AS Places
            FROM capacity_additions
            WHERE school_id = ANY(@ids)
            GROUP BY school_id, stage;
            """, new { ids = schools.Select(s => s.Id).ToArray() }, cancellationToken);
        var stages = (await details.ReadAsync<StageRow>()).ToLookup(s => s.SchoolId);
        var classes = (await details.ReadAsync<ClassRow>()).ToDictionary(c => (c.SchoolId, c.Grade), c => c.Classes);
        var additions = (await details.ReadAsync<AdditionRow>()).ToDictionary(a => (a.SchoolId, a.Stage));

        return schools.Select(school => new SchoolView(
            school.Id, school.Version, school.Name, school.DistrictCode, school.ZoneId, school.StreetId, school.Ownership, school.Status,
            school.OpeningYear,
            stages[school.Id].OrderBy(s => Stage.All[s.Stage].Grades[0]).Select(stage =>
            {
                var perGrade = Stage.All[stage.Stage].Grades.Select(grade => classes.GetValueOrDefault((school.Id, grade))).ToList();
                var added = additions.GetValueOrDefault((school.Id, stage.Stage));
                var stageClasses = perGrade.Sum() + (int)(added?.Classes ?? 0);
                return new StageView(stage.Stage, stage.ClassSizeNorm, perGrade, stageClasses,
                    perGrade.Sum() * stage.ClassSizeNorm + (int)(added?.Places ?? 0));
            }).ToList())).ToList();
    }

    public static async Task InsertAsync(NpgsqlTransaction transaction, Guid id, SchoolDraft draft, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO schools (id, name, district_code, zone_id, street_id, ownership, status, opening_year)
            VALUES (@id, @Name, @DistrictCode, @ZoneId, @StreetId, @Ownership, @Status, @OpeningYear)
            """,
            new { id, draft.Name, draft.DistrictCode, draft.ZoneId, draft.StreetId, draft.Ownership, draft.Status, draft.OpeningYear },
            cancellationToken);
        await WriteStagesAsync(transaction, id, draft.Stages, cancellationToken);
    }

    /// <returns>false when there is no such school.</returns>
    public static async Task<bool> UpdateAsync(
        NpgsqlTransaction transaction, Guid id, SchoolDraft draft, CancellationToken cancellationToken)
    {
        var updated = await transaction.WriteAsync("""
            UPDATE schools
            SET version = version + 1, name = @Name, district_code = @DistrictCode, zone_id = @ZoneId,
                street_id = @StreetId, ownership = @Ownership, status = @Status, opening_year = @OpeningYear, updated_at = now()
            WHERE id = @id
            """,
            new { id, draft.Name, draft.DistrictCode, draft.ZoneId, draft.StreetId, draft.Ownership, draft.Status, draft.OpeningYear },
            cancellationToken);
        if (updated == 0)
            return false;
        await transaction.WriteAsync("""
            DELETE FROM school_stages
            WHERE school_id = @id;
            DELETE FROM school_classes
            WHERE school_id = @id;
            """, new { id }, cancellationToken);
        await WriteStagesAsync(transaction, id, draft.Stages, cancellationToken);
        return true;
    }

    private static async Task WriteStagesAsync(
        NpgsqlTransaction transaction, Guid id, IReadOnlyList<StageDraft> stages, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO school_stages (school_id, stage, class_size_norm)
            SELECT @id, *
            FROM unnest(@stages, @norms)
            """, new { id, stages = stages.Select(s => s.Stage).ToArray(), norms = stages.Select(s => s.ClassSizeNorm).ToArray() },
            cancellationToken);
        var grades = stages.SelectMany(s => Stage.All[s.Stage].Grades.Zip(s.ClassesPerGrade)).ToList();
        await transaction.WriteAsync("""
            INSERT INTO school_classes (school_id, grade, classes)
            SELECT @id, *
            FROM unnest(@grades, @classes)
            """, new { id, grades = grades.Select(g => g.First).ToArray(), classes = grades.Select(g => g.Second).ToArray() },
            cancellationToken);
    }

    public enum CapacityAddition { Added, AlreadyRecorded, UnknownSchool }

    /// <summary>
    /// Adds a commissioned project's classes and places to a stage of its school, once per project; a stage the school
    /// did not serve yet is added with its default norm (e.g. a primary school extended into a nine-year school).
    /// </summary>
    public static async Task<CapacityAddition> AddCapacityAsync(
        NpgsqlTransaction transaction, CapacityCommissioned added, CancellationToken cancellationToken)
    {
        var schoolExists = await transaction.ScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM schools WHERE id = @SchoolId FOR UPDATE)
            """, added, cancellationToken);
        if (!schoolExists)
            return CapacityAddition.UnknownSchool;
        // A project that built a planned school brings the capacity the registry planned for it: the school opens from
        // the term it is in use, and the project is recorded with no places of its own (so it is counted once).
        var addition = new
        {
            added.ProjectId, added.SchoolId, added.Stage, classes = added.OpensSchool ? 0 : added.ClassesAdded,
            places = added.OpensSchool ? 0 : added.PlacesAdded, added.InUseFrom,
        };
        var recorded = await transaction.WriteAsync("""
            INSERT INTO capacity_additions (project_id, school_id, stage, classes_added, places_added, in_use_from)
            VALUES (@ProjectId, @SchoolId, @Stage, @classes, @places, @InUseFrom)
            ON CONFLICT (project_id, stage) DO NOTHING
            """, addition, cancellationToken);
        if (recorded == 0)
            return CapacityAddition.AlreadyRecorded;
        var schoolStage = new
        {
            added.SchoolId, added.Stage, norm = Stage.All[added.Stage].DefaultClassSizeNorm, opens = added.OpensSchool,
            year = Clocks.SchoolYearFrom(added.InUseFrom),
        };
        await transaction.WriteAsync("""
            INSERT INTO school_stages (school_id, stage, class_size_norm)
            VALUES (@SchoolId, @Stage, @norm)
            ON CONFLICT DO NOTHING;
            UPDATE schools
            SET version = version + 1, updated_at = now(),
                status = CASE WHEN @opens AND status = 'planned' THEN 'open' ELSE status END,
                opening_year = CASE WHEN @opens AND status = 'planned' THEN @year ELSE opening_year END
            WHERE id = @SchoolId;
            """, schoolStage, cancellationToken);
        return CapacityAddition.Added;
    }

    public static async Task<Dictionary<Guid, string>> ZoneNamesAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid Id, string Name)>("""
            SELECT id, name
            FROM zones
            WHERE @districtCode::text IS NULL OR district_code = @districtCode
            """, new { districtCode }, cancellationToken))
        .ToDictionary(z => z.Id, z => z.Name);

    /// <summary>Whether the draft's district exists, and which districts its zone and street are in (null: unknown).</summary>
    public static Task<(bool District, string? ZoneDistrict, string? StreetDistrict)> AreasOfAsync(
        NpgsqlConnection connection, SchoolDraft draft, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<(bool District, string? ZoneDistrict, string? StreetDistrict)>("""
            SELECT EXISTS (SELECT 1 FROM districts WHERE code = @DistrictCode),
                   (SELECT district_code FROM zones WHERE id = @ZoneId),
                   (SELECT district_code FROM streets WHERE id = @StreetId)
            """, draft, cancellationToken);
}

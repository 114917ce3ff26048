namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>
/// The school a row names: by its id (column schoolId), or else by its name or id in column schoolName; a name must be
/// unique.
/// </summary>
public sealed class SchoolColumn<TSchool>(
    IEnumerable<TSchool> schools, Func<TSchool, Guid> id, Func<TSchool, string> name, Func<TSchool, string> district)
    where TSchool : class
{
    private readonly Dictionary<Guid, TSchool> byId = schools.ToDictionary(id);
    private readonly ILookup<string, TSchool> byName = schools.ToLookup(school => name(school).Trim());

    /// <returns>The school, or null with the problem recorded.</returns>
    public TSchool? Find(ImportRow row)
    {
        var idText = row.Text("schoolId", 40, required: false);
        if (idText is not null)
        {
            if (Guid.TryParse(idText, out var schoolId) && byId.TryGetValue(schoolId, out var school))
                return school;
            row.Fail("schoolId", idText, new("不是学校名录中的学校编号。", "is not the id of a school in the registry."));
            return null;
        }
        var schoolName = row.Text("schoolName", 200, required: false);
        if (schoolName is null)
        {
            row.Fail("schoolName", null, new("为空：请填写学校编号或登记的学校名称。",
                "is empty: give the school's id (学校编号) or its registered name (学校名称)."));
            return null;
        }
        var matches = byName[schoolName].ToList();
        if (matches.Count == 1)
            return matches[0];
        // Files often carry the id in the school column.
        if (matches.Count == 0 && Guid.TryParse(schoolName, out var idInNameColumn) && byId.TryGetValue(idInNameColumn, out var named))
            return named;
        row.Fail("schoolName", schoolName, matches.Count == 0
            ? new("不是学校名录中的学校名称。", "is not the name of a school in the registry.")
            : new($"对应 {matches.Count} 所学校（在 {string.Join("、", matches.Select(district))}），请填写学校编号。",
                $"names {matches.Count} schools (in {string.Join(", ", matches.Select(district))}); use the school's id (学校编号)."));
        return null;
    }
}

using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Teachers;

/// <summary>A teacher as a file or request gives them; the staff number (工号) identifies them across imports.</summary>
public sealed record TeacherRecord(
    string StaffNumber, string Name, string Gender, DateOnly BirthDate, Guid SchoolId, string DistrictCode, DateOnly AtSchoolSince,
    string[] Subjects, string Title, string Backbone, string Establishment, DateOnly? HiredOn, string Role, Exemption? Exemption,
    string? Stage = null);

/// <summary>
/// What a known teacher's history says: the first day of their latest posting, and the (school, first day) pairs a
/// row may repeat without changing anything: their record as the last import or save gave it, the posting in force
/// today (what the export shows) and the latest posting.
/// </summary>
public sealed record CurrentPosting(
    Guid LatestSchoolId, DateOnly LatestFrom, IReadOnlySet<(Guid SchoolId, DateOnly Since)> Unchanged);

/// <summary>An exemption from rotation: a reason from <see cref="TeacherCodes.Exemptions"/>, the days it covers, a note.</summary>
public sealed record Exemption(string Reason, string? Note, DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly day) => From <= day && day <= To;
}

/// <summary>The columns of a teachers file and the rules for each row (plain: no I/O).</summary>
public static class TeacherImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("staffNumber", ["工号", "教师编号", "staff_number", "staffNumber"]),
        new("name", ["姓名", "name"]),
        new("gender", ["性别", "gender"]),
        new("birthDate", ["出生日期", "birth_date", "birthDate"]),
        new("schoolId", ["学校编号", "school_id", "schoolId"], Required: false),
        new("schoolName", ["学校名称", "学校", "school_name", "school"], Required: false),
        new("atSchoolSince", ["到校时间", "本校任教起始日期", "at_school_since", "atSchoolSince"]),
        new("subjects", ["任教学科", "学科", "subjects"]),
        new("title", ["职称", "title"]),
        new("backbone", ["骨干级别", "骨干", "backbone"], Required: false),
        new("establishment", ["编制", "编制情况", "establishment"]),
        new("hiredOn", ["参加工作时间", "入职日期", "hired_on", "hiredOn"], Required: false),
        new("role", ["岗位", "role"], Required: false),
        new("exemption", ["免交流原因", "exemption"], Required: false),
        new("exemptionNote", ["免交流说明", "exemption_note", "exemptionNote"], Required: false),
        new("exemptionFrom", ["免交流起始日期", "exemption_from", "exemptionFrom"], Required: false),
        new("exemptionTo", ["免交流截止日期", "exemption_to", "exemptionTo"], Required: false),
        new("stage", ["任教学段", "学段", "stage"], Required: false),
    ];

    private static readonly char[] SubjectSeparators = ['、', ',', '，', '/', ';', '；', ' '];

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    /// <param name="postings">Each known teacher's current posting, by identity (TeacherStore.IdentityOf).</param>
    public static IReadOnlyList<TeacherRecord> Read(
        SheetImport import, IReadOnlyList<KnownSchool> schools, DateOnly today,
        IReadOnlyDictionary<string, CurrentPosting> postings)
    {
        var schoolColumn = new SchoolColumn<KnownSchool>(schools, s => s.Id, s => s.Name, s => s.DistrictCode);
        var records = new List<TeacherRecord>();
        var firstRowOf = new Dictionary<string, int>();
        foreach (var row in import.Rows)
        {
            var staffNumber = row.Text("staffNumber", 40);
            var name = row.Text("name", 50);
            var gender = row.OneOf("gender", TeacherCodes.Genders);
            var birthDate = row.Date("birthDate", today.AddYears(-75), today.AddYears(-18));
            var school = schoolColumn.Find(row);
            var since = row.Date("atSchoolSince", new DateOnly(1950, 1, 1), today);
            if (since is not null && birthDate is not null && since < birthDate.Value.AddYears(18))
            {
                row.Fail("atSchoolSince", since.Value.ToString("yyyy-MM-dd"),
                    new("早于教师年满 18 周岁之日。", "is before the teacher turned 18."));
                since = null;
            }
            var subjects = Subjects(row);
            var title = row.OneOf("title", TeacherCodes.Titles);
            var backbone = row.OneOf("backbone", TeacherCodes.Backbone, required: false) ?? "none";
            var establishment = row.OneOf("establishment", TeacherCodes.Establishment);
            var hiredOn = row.Date("hiredOn", new DateOnly(1950, 1, 1), today, required: false);
            var role = row.OneOf("role", TeacherCodes.Roles, required: false) ?? "teacher";
            var exemption = Exemption(row);
            var stage = school is null ? null : Stage(row, school);
            if (staffNumber is null || name is null || gender is null || birthDate is null || school is null || since is null
                || subjects is null || title is null || establishment is null)
                continue;
            if (firstRowOf.TryGetValue(staffNumber, out var first))
            {
                row.Fail("staffNumber", staffNumber,
                    new($"与第 {first} 行重复：每名教师只能出现一次。",
                        $"repeats row {first}: a teacher is listed once."));
                continue;
            }
            var identity = TeacherStore.IdentityOf(school.DistrictCode, staffNumber);
            if (WhyNotPosted(postings.GetValueOrDefault(identity), school.Id, since.Value) is { } rewrite)
            {
                row.Fail("atSchoolSince", since.Value.ToString("yyyy-MM-dd"), rewrite);
                continue;
            }
            firstRowOf[staffNumber] = row.Number;
            records.Add(new TeacherRecord(staffNumber, name, gender, birthDate.Value, school.Id, school.DistrictCode, since.Value, subjects,
                title, backbone, establishment, hiredOn, role, exemption, stage));
        }
        return records;
    }

    /// <summary>
    /// The stage the teacher teaches: one of the school's; when not given, the school's own if it has one stage, and
    /// otherwise unknown (a rotation then keeps the teacher within the school's stages).
    /// </summary>
    private static string? Stage(ImportRow row, KnownSchool school)
    {
        var stages = school.Stages.Select(s => s.Stage).ToList();
        if (row.Text("stage", 40, required: false) is null)
            return stages.Count == 1 ? stages[0] : null;
        if (row.OneOf("stage", TeacherCodes.Stages) is not { } stage)
            return null;
        if (stages.Count > 0 && !stages.Contains(stage))
        {
            row.Fail("stage", TeacherCodes.Stages.First(w => w.Value == stage).Key, new($"不是{school.Name}的学段。",
                $"is not a stage of {school.Name}."));
            return null;
        }
        return stage;
    }

    /// <summary>
    /// The exemption a row gives: none when its reason is empty or 无; else a listed reason with the days it covers,
    /// and a note for 其他.
    /// </summary>
    private static Exemption? Exemption(ImportRow row)
    {
        if (row.Text("exemption", 40, required: false) is null or "无")
            return null;
        var reason = row.OneOf("exemption", TeacherCodes.Exemptions);
        var note = row.Text("exemptionNote", 200, required: reason == "other");
        var from = row.Date("exemptionFrom", new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        var to = row.Date("exemptionTo", new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        if (from is not null && to is not null && to < from)
        {
            row.Fail("exemptionTo", to.Value.ToString("yyyy-MM-dd"),
                new("早于免交流起始日期。", "is before the exemption begins."));
            return null;
        }
        return reason is null || from is null || to is null ? null : new Exemption(reason, note, from.Value, to.Value);
    }

    /// <summary>
    /// Why a row may not post a teacher at <paramref name="school"/> from <paramref name="since"/>, or null when it may:
    /// a change of school or date is a new posting from a day after the latest one began, never a rewrite of it or of
    /// an earlier one (that is a correction, an explicit step). A row that repeats what is known changes nothing.
    /// </summary>
    public static UserText? WhyNotPosted(CurrentPosting? current, Guid school, DateOnly since) =>
        current is not { } posting || posting.Unchanged.Contains((school, since)) ? null
        : since <= posting.LatestFrom
            ? new($"不晚于最近一条任职记录的开始日期（{posting.LatestFrom:yyyy-MM-dd}）："
                    + "调动须从更晚的日期起新增任职记录；更早的任职记录请用“更正任职记录”修改。",
                $"is not after the latest posting began ({posting.LatestFrom:yyyy-MM-dd}): a move is a new posting from a later "
                    + "day; an earlier posting is corrected with POST /teachers/{id}/postings/correct.")
        : school == posting.LatestSchoolId
            ? new($"会在同一学校重新开始任职（自 {posting.LatestFrom:yyyy-MM-dd} 起已在该校）："
                    + "在校年限不因新的到校时间重新计算；日期有误请用“更正任职记录”修改。",
                $"restarts the stay at the same school (there since {posting.LatestFrom:yyyy-MM-dd}): years at a school are "
                    + "not reset by a new date; a wrong date is corrected with POST /teachers/{id}/postings/correct.")
        : null;

    private static string[]? Subjects(ImportRow row)
    {
        var text = row.Text("subjects", 100);
        if (text is null)
            return null;
        var words = text.Split(SubjectSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = words.Where(w => !TeacherCodes.Subjects.ContainsKey(w)).ToList();
        if (unknown.Count > 0 || words.Length is 0 or > 5)
        {
            row.Fail("subjects", text, unknown.Count > 0
                ? new($"含有无法识别的学科：{string.Join("、", unknown)}（可选：{TeacherCodes.SubjectList}）。",
                    $"names subjects that are not known: {string.Join("、", unknown)} (known: {TeacherCodes.SubjectList}).")
                : new("须列出 1 到 5 个学科，主教学科在前。", "must list 1 to 5 subjects, the main one first."));
            return null;
        }
        return words.Select(w => TeacherCodes.Subjects[w]).Distinct().ToArray();
    }
}

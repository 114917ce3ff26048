using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Establishment;

/// <summary>
/// Establishment (编制) from enrolment (plain: no I/O): required teachers = Σ stage pupils / pupils per teacher. The
/// defaults are the 2014 unified standard (中央编办发〔2014〕72号): 高中 1:12.5, 初中 1:13.5, 小学 1:19; kindergartens
/// take 1:15 (two teachers to a class of 30; 保育员 are not counted). A district may set its own.
/// </summary>
public static class EstablishmentRules
{
    public static readonly IReadOnlyDictionary<string, double> DefaultPupilsPerTeacher = new Dictionary<string, double>
    {
        ["kindergarten"] = 15,
        ["primary"] = 19,
        ["junior_secondary"] = 13.5,
        ["senior_secondary"] = 12.5,
    };

    /// <summary>
    /// Teachers required by the standard (按标准应配): each stage's pupils over its ratio, rounded up to whole teachers,
    /// then added. A 九年一贯制 school's primary and junior stages are each rounded up, on the establishment page, in its
    /// export and in the forecast alike.
    /// </summary>
    public static int Required(IEnumerable<(string Stage, double Pupils)> pupils, IReadOnlyDictionary<string, double> pupilsPerTeacher) =>
        pupils.GroupBy(p => p.Stage).Sum(stage => (int)Math.Ceiling(stage.Sum(p => p.Pupils)
            / pupilsPerTeacher.GetValueOrDefault(stage.Key, DefaultPupilsPerTeacher.GetValueOrDefault(stage.Key, 19)) - 1e-9));

    /// <summary>
    /// A school's establishment: its requirement from its latest enrolment (none without enrolment), its approved
    /// posts, its 在编 teachers, the arts and sports it has no teacher for, and the commissioned classes its enrolment
    /// does not show yet (enrolment of school year Y starts on 1 September Y: classes in use after that are not in it).
    /// </summary>
    public static SchoolEstablishment School(Guid schoolId, string name, int? year, IReadOnlyDictionary<string, int> pupils,
        int approved, IReadOnlyList<TeacherView> staff,
        IReadOnlyList<(string Stage, int Classes, int Places, DateOnly InUseFrom)> commissioned,
        IReadOnlyDictionary<string, double> pupilsPerTeacher) =>
        new(schoolId, name, year, pupils,
            year is null ? null : Required(pupils.Select(p => (p.Key, (double)p.Value)), pupilsPerTeacher),
            approved, staff.Count(t => t.Establishment == TeacherCodes.InEstablishment),
            [.. TeacherCodes.ArtsAndSports.Order().Where(subject => !staff.Any(t => t.Subjects.Contains(subject)))],
            [.. commissioned
                .Where(c => year is null || c.InUseFrom > new DateOnly(year.Value, 9, 1))
                .Select(c => new ComingClasses(c.Stage, c.Classes, c.Places, c.InUseFrom,
                    Required([(c.Stage, c.Places)], pupilsPerTeacher)))]);

    /// <summary>
    /// Teachers a district has beyond what its schools require: the sum of each over-staffed school's excess. A school
    /// without enrolment (no requirement known) adds nothing: its teachers are not spare for knowing nothing of its pupils.
    /// </summary>
    public static int Surplus(IEnumerable<SchoolEstablishment> schools) =>
        schools.Sum(s => s.AgainstRequired is { } against ? Math.Max(0, against) : 0);

    /// <summary>A district's establishment: the sums of its schools', and the surplus of its over-staffed schools.</summary>
    public static DistrictEstablishment District(string districtCode, IReadOnlyList<SchoolEstablishment> schools) =>
        new(districtCode, schools.Sum(s => s.Required ?? 0), schools.Sum(s => s.Approved), schools.Sum(s => s.Actual),
            Surplus(schools), schools);

    /// <summary>
    /// Teachers each forecast year requires, by stage and in all, against the 在编 teachers of today: the gap is the
    /// teachers to add, negative when there are more than required.
    /// </summary>
    public static List<YearRequirement> ByYear(IEnumerable<(int Year, string Stage, double Pupils)> demand,
        IReadOnlyDictionary<string, double> pupilsPerTeacher, int actualToday) =>
        [.. demand.GroupBy(d => d.Year).Select(year =>
        {
            var byStage = year.ToDictionary(d => d.Stage, d => Required([(d.Stage, d.Pupils)], pupilsPerTeacher));
            var required = byStage.Values.Sum();
            return new YearRequirement(year.Key, byStage, required, actualToday, required - actualToday);
        })];

    /// <summary>Why a district's pupils per teacher for <paramref name="stage"/> cannot be set; null when it can.</summary>
    public static UserText? WhyNotRatio(string stage, double pupilsPerTeacher)
    {
        if (!DefaultPupilsPerTeacher.ContainsKey(stage))
        {
            var stages = DefaultPupilsPerTeacher.Keys.Select(WorkforceTexts.StageName).ToList();
            return new($"不是学段（可选：{string.Join("、", stages.Select(s => s.Zh))}）。",
                $"is not a stage ({string.Join(", ", DefaultPupilsPerTeacher.Keys)}).");
        }
        return pupilsPerTeacher is > 0 and <= 100
            ? null
            : new("须为大于 0、不超过 100 的生师比（每名教师对应的学生数）。",
                "must be pupils per teacher above 0 and at most 100.");
    }

    /// <summary>
    /// Whether a requirement can be staffed from the surplus: committed when the surplus covers the teachers the new
    /// places need (places / pupils per teacher, rounded up).
    /// </summary>
    public static (int Needed, bool Covered) Assess(
        string stage, int places, int surplus, IReadOnlyDictionary<string, double> pupilsPerTeacher)
    {
        var needed = Required([(stage, places)], pupilsPerTeacher);
        return (needed, surplus >= needed);
    }
}

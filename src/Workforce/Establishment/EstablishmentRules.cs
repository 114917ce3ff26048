using Platform.Contracts;

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

    /// <summary>Teachers required for the pupils of each stage, rounded up to whole teachers.</summary>
    public static int Required(IEnumerable<(string Stage, double Pupils)> pupils, IReadOnlyDictionary<string, double> pupilsPerTeacher) =>
        (int)Math.Ceiling(pupils.Sum(p =>
            p.Pupils / pupilsPerTeacher.GetValueOrDefault(p.Stage, DefaultPupilsPerTeacher.GetValueOrDefault(p.Stage, 19))) - 1e-9);

    /// <summary>Teachers a district has beyond what its schools require: the sum of each over-staffed school's excess.</summary>
    public static int Surplus(IEnumerable<(int Actual, int Required)> schools) => schools.Sum(s => Math.Max(0, s.Actual - s.Required));

    /// <summary>A district's establishment: the sums of its schools', and the surplus of its over-staffed schools.</summary>
    public static DistrictEstablishment District(string districtCode, IReadOnlyList<SchoolEstablishment> schools) =>
        new(districtCode, schools.Sum(s => s.Required), schools.Sum(s => s.Approved), schools.Sum(s => s.Actual),
            Surplus(schools.Select(s => (s.Actual, s.Required))), schools);

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
    public static string? WhyNotRatio(string stage, double pupilsPerTeacher) =>
        DefaultPupilsPerTeacher.ContainsKey(stage) && pupilsPerTeacher is > 0 and <= 100
            ? null
            : $"must be a stage ({string.Join(", ", DefaultPupilsPerTeacher.Keys)}) with pupils per teacher above 0 and at most 100.";

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

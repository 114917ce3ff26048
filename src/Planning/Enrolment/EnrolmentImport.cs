using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Enrolment;

public sealed record EnrolmentRecord(Guid SchoolId, int Grade, int Year, int Pupils, int? Local, int? Migrant);

/// <summary>A school as an enrolment file may name it: by id, or by name within its district.</summary>
public sealed record SchoolGrades(Guid Id, string Name, string DistrictCode, Guid ZoneId, string Status, IReadOnlySet<int> Grades);

/// <summary>The columns of an enrolment file and the rules for each row (plain: no I/O).</summary>
public static partial class EnrolmentImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("schoolId", ["学校编号", "school_id", "schoolId"], Required: false),
        new("schoolName", ["学校名称", "学校", "school_name", "school"], Required: false),
        new("grade", ["年级", "grade"]),
        new("year", ["学年", "school_year", "year", "年份"]),
        new("pupils", ["在校生数", "学生数", "人数", "pupils", "enrolment"]),
        new("local", ["户籍学生", "户籍", "local"], Required: false),
        new("migrant", ["随迁子女", "随迁", "migrant"], Required: false),
    ];

    /// <summary>"2024", "2024-2025", "2024/25", "2024学年": the year the school year starts.</summary>
    [GeneratedRegex(@"^(\d{4})(\s*[-/—–~至]\s*\d{2,4})?\s*(学年)?$")]
    private static partial Regex SchoolYear();

    private static readonly UserText NotAGrade = new(
        "不是年级（小班至大班、一年级至六年级、初一至初三、高一至高三，或 1 至 12）。",
        "is not a grade (小班..大班, 一年级..六年级, 初一..初三, 高一..高三, or 1..12).");

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    public static IReadOnlyList<EnrolmentRecord> Read(SheetImport import, IReadOnlyList<SchoolGrades> schools, int currentYear)
    {
        var schoolColumn = new SchoolColumn<SchoolGrades>(schools, s => s.Id, s => s.Name, s => s.DistrictCode);
        var records = new List<EnrolmentRecord>();
        var firstRowOf = new Dictionary<(Guid, int, int), int>();
        foreach (var row in import.Rows)
        {
            var school = schoolColumn.Find(row);
            var gradeText = row.Text("grade", 10);
            var grade = gradeText is null ? null : GradeNames.Parse(gradeText);
            if (gradeText is not null && grade is null)
                row.Fail("grade", gradeText, NotAGrade);
            else if (grade is not null && school is not null && !school.Grades.Contains(grade.Value))
            {
                row.Fail("grade", gradeText,
                    new($"不是{school.Name}所设学段的年级。", $"is not a grade of {school.Name}'s stages."));
                grade = null;
            }
            var year = ReadYear(row, currentYear);
            var pupils = row.Int("pupils", 0, 5000);
            var local = row.Int("local", 0, 5000, required: false);
            var migrant = row.Int("migrant", 0, 5000, required: false);
            if (pupils is not null && local is not null && migrant is not null && local + migrant != pupils)
                row.Fail("migrant", migrant.ToString(), new(
                    $"与户籍学生之和（户籍 {local} + 随迁 {migrant}）须等于在校生数 {pupils}。",
                    $"户籍 {local} + 随迁 {migrant} must equal the {pupils} pupils."));
            else if (school is not null && grade is not null && year is not null && pupils is not null)
            {
                if (firstRowOf.TryGetValue((school.Id, grade.Value, year.Value), out var first))
                    row.Fail("grade", gradeText, new(
                        $"与第 {first} 行重复：{school.Name}同一年级、同一学年的人数填了两次。",
                        $"repeats row {first}: {school.Name}, this grade and year are given twice."));
                else
                {
                    firstRowOf[(school.Id, grade.Value, year.Value)] = row.Number;
                    records.Add(new EnrolmentRecord(school.Id, grade.Value, year.Value, pupils.Value, local, migrant));
                }
            }
        }
        return records;
    }

    private static int? ReadYear(ImportRow row, int currentYear)
    {
        var text = row.Text("year", 20);
        if (text is null)
            return null;
        var match = SchoolYear().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var year) || year < 1949)
        {
            row.Fail("year", text,
                new("不是学年（如 2024、2024-2025 或 2024学年）。", "is not a school year (2024, 2024-2025 or 2024学年)."));
            return null;
        }
        if (year > currentYear)
        {
            row.Fail("year", text, new($"晚于 {currentYear} 学年：只能导入实际在校生数。",
                $"is in the future; only actual enrolment (up to the {currentYear} school year) can be imported."));
            return null;
        }
        return year;
    }
}

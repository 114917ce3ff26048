using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Training;

public sealed record TrainingRecord(
    Guid TeacherId, string StaffNumber, string Course, DateOnly Date, string Level, string Category, double Hours, string? Provider);

/// <summary>The columns of a training provider's file and the rules for each row (plain: no I/O).</summary>
public static class TrainingImport
{
    public static readonly IReadOnlyDictionary<string, string> Levels = new Dictionary<string, string>
    {
        ["国家级"] = "national", ["国"] = "national", ["national"] = "national",
        ["市级"] = "city", ["市"] = "city", ["city"] = "city",
        ["区级"] = "district", ["区"] = "district", ["district"] = "district",
        ["校级"] = "school", ["校本"] = "school", ["校"] = "school", ["school"] = "school",
    };

    public static readonly SheetColumn[] Columns =
    [
        new("staffNumber", ["工号", "教师编号", "staff_number", "staffNumber"]),
        new("course", ["课程名称", "培训项目", "course"]),
        new("level", ["培训级别", "级别", "level"]),
        new("category", ["类别", "培训类别", "category"]),
        new("hours", ["学时", "hours"]),
        new("date", ["培训日期", "完成日期", "日期", "date"]),
        new("provider", ["培训机构", "provider"], Required: false),
    ];

    /// <summary>Reads every row, recording each problem; teachers are known by staff number.</summary>
    public static IReadOnlyList<TrainingRecord> Read(SheetImport import, IReadOnlyDictionary<string, Guid> teachers, DateOnly today)
    {
        var records = new List<TrainingRecord>();
        var firstRowOf = new Dictionary<(string, string, DateOnly), int>();
        foreach (var row in import.Rows)
        {
            var staffNumber = row.Text("staffNumber", 40);
            if (staffNumber is not null && !teachers.ContainsKey(staffNumber))
            {
                row.Fail("staffNumber", staffNumber, new("不是已登记教师的工号。", "is not a teacher's staff number."));
                staffNumber = null;
            }
            var course = row.Text("course", 200);
            var level = row.OneOf("level", Levels);
            var category = row.Text("category", 50);
            var hours = Hours(row);
            var date = row.Date("date", new DateOnly(1990, 1, 1), today);
            var provider = row.Text("provider", 200, required: false);
            if (staffNumber is null || course is null || level is null || category is null || hours is null || date is null)
                continue;
            if (firstRowOf.TryGetValue((staffNumber, course, date.Value), out var first))
            {
                row.Fail("course", course,
                    new($"与第 {first} 行重复：同一教师、课程和培训日期。",
                        $"repeats row {first}: the same teacher, course and date."));
                continue;
            }
            firstRowOf[(staffNumber, course, date.Value)] = row.Number;
            records.Add(new TrainingRecord(teachers[staffNumber], staffNumber, course, date.Value, level, category, hours.Value, provider));
        }
        return records;
    }

    /// <summary>Hours may be fractional (0.5 for a half-hour session): above 0 and at most 500.</summary>
    private static double? Hours(ImportRow row)
    {
        var text = row.Text("hours", 20);
        if (text is null)
            return null;
        // Written so that NaN, which parses, is no number of hours.
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
                out var hours)
            || !(hours is > 0 and <= 500))
        {
            row.Fail("hours", text, TrainingRule.HoursUpTo("500"));
            return null;
        }
        return hours;
    }
}

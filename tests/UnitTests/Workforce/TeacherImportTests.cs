using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.UnitTests.Workforce;

public class TeacherImportTests
{
    private static readonly KnownSchool School = new(Guid.NewGuid(), 1, "丁字沽小学", "120106", Guid.NewGuid(), "public", "open", null,
        [new SchoolStageCapacity("primary", 45, 24, 1080)]);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static (IReadOnlyList<TeacherRecord> Records, List<ImportError> Errors) Read(params string[][] rows)
    {
        var sheet = new List<SheetRow> { new(1, ["工号", "姓名", "性别", "出生日期", "学校名称", "到校时间", "任教学科", "职称", "骨干级别", "编制"]) };
        sheet.AddRange(rows.Select((cells, i) => new SheetRow(i + 2, cells)));
        var import = SheetImport.Match(sheet, TeacherImport.Columns);
        return (TeacherImport.Read(import, [School], Today, new Dictionary<string, CurrentPosting>()), import.Errors);
    }

    [Fact]
    public void Reads_dates_as_bureaus_write_them_and_subjects_by_their_other_names()
    {
        var (records, errors) = Read(
            ["T1", "张三", "男", "1985/4/12", "丁字沽小学", "2015年9月1日", "数学、体育与健康", "一级教师", "区级", "在编"],
            ["T2", "李四", "女", "31138", "丁字沽小学", "20190901", "外语", "未定级", "", "合同"]); // 31138: an xlsx date cell, 1985-04-01

        Assert.Empty(errors);
        Assert.Equal((new DateOnly(1985, 4, 12), new DateOnly(2015, 9, 1), "数学|体育", "first", "district"),
            (records[0].BirthDate, records[0].AtSchoolSince, string.Join("|", records[0].Subjects), records[0].Title, records[0].Backbone));
        Assert.Equal((new DateOnly(1985, 4, 1), "英语", "none", "contract"),
            (records[1].BirthDate, records[1].Subjects[0], records[1].Backbone, records[1].Establishment));
    }

    [Fact]
    public void A_teachers_stage_is_one_of_the_schools_given_or_its_only_one()
    {
        var nineYear = School with
        {
            Id = Guid.NewGuid(),
            Name = "九年一贯制学校",
            Stages = [new SchoolStageCapacity("primary", 45, 24, 1080), new SchoolStageCapacity("junior_secondary", 50, 12, 600)],
        };
        var sheet = new List<SheetRow>
        {
            new(1, ["工号", "姓名", "性别", "出生日期", "学校名称", "到校时间", "任教学科", "职称", "骨干级别", "编制", "任教学段"]),
            new(2, ["S1", "甲", "男", "1985-01-01", "九年一贯制学校", "2015-09-01", "数学", "一级", "", "在编", "初中"]),
            new(3, ["S2", "乙", "男", "1985-01-01", "九年一贯制学校", "2015-09-01", "数学", "一级", "", "在编", ""]),
            new(4, ["S3", "丙", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "", "在编", ""]),
            new(5, ["S4", "丁", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "", "在编", "高中"]),
        };
        var import = SheetImport.Match(sheet, TeacherImport.Columns);
        var records = TeacherImport.Read(import, [School, nineYear], Today, new Dictionary<string, CurrentPosting>());

        Assert.Equal(["junior_secondary", null, "primary"], records.Take(3).Select(r => r.Stage));
        var error = Assert.Single(import.Errors);
        Assert.Equal((5, "任教学段", "不是丁字沽小学的学段。"), (error.Row, error.Column, error.Reason));
    }

    [Fact]
    public void Names_every_bad_cell()
    {
        var (records, errors) = Read(["T3", "王五", "未知", "明天", "丁字沽小学", "2030-09-01", "魔法", "教授", "省级", "在编"]);

        Assert.Empty(records);
        Assert.Equal(["性别", "出生日期", "到校时间", "任教学科", "职称", "骨干级别"], errors.Select(e => e.Column));
        Assert.Contains("之间", errors[2].Reason); // a future arrival date
    }

    [Fact]
    public void An_exemption_is_a_listed_reason_with_its_days_and_none_is_none()
    {
        var sheet = new List<SheetRow>
        {
            new(1, ["工号", "姓名", "性别", "出生日期", "学校名称", "到校时间", "任教学科", "职称", "编制", "免交流原因", "免交流说明", "免交流起始日期",
                "免交流截止日期"]),
            new(2, ["E1", "甲", "女", "1990-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "哺乳期", "", "2026-09-01", "2027-08-31"]),
            new(3, ["E2", "乙", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "无", "", "", ""]),
            new(4, ["E3", "丙", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "", "", "", ""]),
            new(5, ["E4", "丁", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "家里有事", "", "2026-09-01", "2027-08-31"]),
            new(6, ["E5", "戊", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "其他", "", "2026-09-01", "2027-08-31"]),
            new(7, ["E6", "己", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "病休", "", "2027-08-31", "2026-09-01"]),
            new(8, ["E7", "庚", "男", "1985-01-01", "丁字沽小学", "2015-09-01", "数学", "一级", "在编", "受处分", "", "", ""]),
        };
        var import = SheetImport.Match(sheet, TeacherImport.Columns);
        var records = TeacherImport.Read(import, [School], Today, new Dictionary<string, CurrentPosting>())
            .ToDictionary(r => r.StaffNumber);

        Assert.Equal(new Exemption("nursing", null, new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)), records["E1"].Exemption);
        Assert.Null(records["E2"].Exemption);
        Assert.Null(records["E3"].Exemption);
        // Free text, 其他 without a note, dates the wrong way round and a reason without its days are each named.
        Assert.Equal([(5, "免交流原因"), (6, "免交流说明"), (7, "免交流截止日期"), (8, "免交流起始日期"), (8, "免交流截止日期")],
            import.Errors.Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public void A_move_is_a_new_posting_from_a_later_day_never_a_rewrite_of_history()
    {
        var (home, other) = (Guid.NewGuid(), Guid.NewGuid());
        var current = new CurrentPosting(home, new DateOnly(2018, 9, 1),
            new HashSet<(Guid, DateOnly)> { (home, new DateOnly(2018, 9, 1)) });

        Assert.Null(TeacherImport.WhyNotPosted(null, other, new DateOnly(2010, 9, 1)));               // a new teacher
        Assert.Null(TeacherImport.WhyNotPosted(current, home, new DateOnly(2018, 9, 1)));             // unchanged
        Assert.Null(TeacherImport.WhyNotPosted(current, other, new DateOnly(2018, 9, 2)));            // moves the day after
        Assert.NotNull(TeacherImport.WhyNotPosted(current, other, new DateOnly(2018, 9, 1)));         // rewrites the posting
        Assert.NotNull(TeacherImport.WhyNotPosted(current, home, new DateOnly(2015, 9, 1)));          // rewrites the arrival
        Assert.Contains("same school", TeacherImport.WhyNotPosted(current, home, new DateOnly(2024, 9, 1))?.En); // restarts the stay
        // A plan posted the teacher elsewhere from 2027 and home again from 2030: the record's row, today's posting
        // (as the export shows it) and the latest change nothing; a move before 2030 would rewrite the plan's.
        var rotating = new CurrentPosting(home, new DateOnly(2030, 9, 1), new HashSet<(Guid, DateOnly)>
        {
            (home, new DateOnly(2018, 9, 1)), (other, new DateOnly(2027, 9, 1)), (home, new DateOnly(2030, 9, 1)),
        });
        Assert.Null(TeacherImport.WhyNotPosted(rotating, other, new DateOnly(2027, 9, 1)));
        Assert.NotNull(TeacherImport.WhyNotPosted(rotating, other, new DateOnly(2028, 9, 1)));
    }
}

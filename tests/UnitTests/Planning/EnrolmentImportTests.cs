using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Enrolment;

namespace Platform.UnitTests.Planning;

public class EnrolmentImportTests
{
    private static readonly SchoolGrades Primary = new(Guid.NewGuid(), "红桥区实验小学", "120106", Guid.NewGuid(), "open",
        Enumerable.Range(1, 6).ToHashSet());
    private static readonly SchoolGrades TwinA = new(Guid.NewGuid(), "第二小学", "120106", Guid.NewGuid(), "open",
        Enumerable.Range(1, 6).ToHashSet());
    private static readonly SchoolGrades TwinB = new(Guid.NewGuid(), "第二小学", "120105", Guid.NewGuid(), "open",
        Enumerable.Range(1, 6).ToHashSet());

    private static (IReadOnlyList<EnrolmentRecord> Records, List<ImportError> Errors) Read(string[] header, params string[][] rows)
    {
        var sheet = new List<SheetRow> { new(1, header) };
        sheet.AddRange(rows.Select((cells, i) => new SheetRow(i + 2, cells)));
        var import = SheetImport.Match(sheet, EnrolmentImport.Columns);
        return (EnrolmentImport.Read(import, [Primary, TwinA, TwinB], currentYear: 2026), import.Errors);
    }

    [Theory]
    [InlineData("小班", -2)]
    [InlineData("大班", 0)]
    [InlineData("一年级", 1)]
    [InlineData("六年级", 6)]
    [InlineData("初一", 7)]
    [InlineData("九年级", 9)]
    [InlineData("高三", 12)]
    [InlineData("12", 12)]
    [InlineData("十三年级", null)]
    [InlineData("13", null)]
    public void Reads_grades_as_bureaus_write_them(string text, int? grade) => Assert.Equal(grade, GradeNames.Parse(text));

    [Fact]
    public void Every_grade_name_reads_back_as_its_grade()
    {
        foreach (var grade in Enumerable.Range(-2, 15))
            Assert.Equal(grade, GradeNames.Parse(GradeNames.Name(grade)));
        Assert.Equal(["小班", "大班", "一年级", "六年级", "初一", "初三", "高一", "高三"], new[] { -2, 0, 1, 6, 7, 9, 10, 12 }.Select(GradeNames.Name));
    }

    [Fact]
    public void Reads_rows_by_school_name_or_id_and_school_year()
    {
        var (records, errors) = Read(["学校名称", "学校编号", "年级", "学年", "在校生数", "户籍学生", "随迁子女"],
            ["红桥区实验小学", "", "一年级", "2024-2025", "180", "150", "30"],
            ["", Primary.Id.ToString(), "2", "2024学年", "175", "", ""]);
        Assert.Empty(errors);
        Assert.Equal([new EnrolmentRecord(Primary.Id, 1, 2024, 180, 150, 30), new EnrolmentRecord(Primary.Id, 2, 2024, 175, null, null)],
            records);
    }

    [Fact]
    public void Reports_every_bad_row()
    {
        var (records, errors) = Read(["学校名称", "年级", "学年", "在校生数", "户籍学生", "随迁子女"],
            ["红桥区实验小学", "初一", "2024", "100", "", ""],   // not a grade of a primary school
            ["红桥区实验小学", "一年级", "2030", "100", "", ""], // a future year
            ["第二小学", "一年级", "2024", "100", "", ""],        // two schools have this name
            ["无名小学", "一年级", "2024", "100", "", ""],        // no such school
            ["红桥区实验小学", "二年级", "2024", "100", "90", "20"], // 90 + 20 is not 100
            ["红桥区实验小学", "三年级", "2024", "100", "", ""],
            ["红桥区实验小学", "三年级", "2024-2025", "101", "", ""]); // repeats row 7

        Assert.Equal([new EnrolmentRecord(Primary.Id, 3, 2024, 100, null, null)], records);
        Assert.Equal([(2, "年级"), (3, "学年"), (4, "学校名称"), (5, "学校名称"), (6, "随迁子女"), (8, "年级")], errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("120105", errors[2].Reason); // the ambiguous name lists where the schools are
        Assert.Contains("与第 7 行重复", errors[^1].Reason);
    }
}

using System.Text;

namespace Platform.Demo;

/// <summary>
/// The demo teachers: about 3,000 across the open schools, in proportion to their classes, with plausible
/// distributions (mostly women, ages 23-59, years at the school, subjects by stage, titles by age). Backbone teachers
/// follow 红桥's pyramid (61 市级, 603 区级 and 963 校级 among its roughly 4,000 teachers: 1.5%, 15% and 24%). Each
/// school has a principal; brand schools named in the plans are strong, the others vary. Also per district: approved
/// posts near the actual staffing, training hours of this year and of the years before, 东丽's 96-hour rule, and a
/// draft rotation plan.
/// 3,000 teachers is the demo's size, not the districts': their enrolment would need about 8,000, so establishment
/// shows the demo schools short of teachers.
/// </summary>
public static partial class DemoData
{
    private sealed record StaffedSchool(Guid Id, string DistrictCode, string[] Stages, int Classes, bool Named);

    private const int DemoTeachers = 3000;
    /// <summary>The start of the current school year: the last 1 September up to today (imports refuse future dates).</summary>
    private static readonly DateOnly SchoolYearStart = DateOnly.FromDateTime(DateTime.UtcNow) is var today && today.Month >= 9
        ? new DateOnly(today.Year, 9, 1) : new DateOnly(today.Year - 1, 9, 1);

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
        "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"
    ];
    private static readonly string[] GivenNames =
    [
        "静", "丽", "敏", "艳", "娟", "霞", "秀英", "桂兰", "晓燕", "丹",
        "婷", "雪", "慧", "颖", "洁", "磊", "伟", "强", "军", "勇",
        "杰", "涛", "明", "超", "鹏", "宇", "建华", "海燕", "春梅", "志强",
        "文", "欣怡", "子涵", "思远", "佳", "悦", "晨", "琳", "倩", "瑶"
    ];

    private static readonly string[] Courses =
    [
        "全员培训", "新课标研修", "心理健康教育", "信息技术应用能力2.0",
        "作业设计", "师德师风", "班主任培训", "人工智能教育"
    ];

    private static readonly Dictionary<string, (string Subject, double Weight)[]> SubjectsByStage = new()
    {
        ["kindergarten"] = [("学前教育", 0.9), ("音乐", 0.05), ("体育", 0.05)],
        ["primary"] =
        [
            ("语文", 0.33), ("数学", 0.28), ("英语", 0.1), ("科学", 0.05), ("道德与法治", 0.05),
            ("音乐", 0.05), ("体育", 0.06), ("美术", 0.05), ("信息技术", 0.03)
        ],
        ["junior_secondary"] =
        [
            ("语文", 0.16), ("数学", 0.16), ("英语", 0.15), ("物理", 0.08), ("化学", 0.06), ("生物", 0.06),
            ("历史", 0.06), ("地理", 0.05), ("道德与法治", 0.06), ("音乐", 0.04), ("体育", 0.06),
            ("美术", 0.03), ("信息技术", 0.03)
        ],
        ["senior_secondary"] =
        [
            ("语文", 0.14), ("数学", 0.14), ("英语", 0.14), ("物理", 0.1), ("化学", 0.08), ("生物", 0.08),
            ("历史", 0.07), ("地理", 0.06), ("思想政治", 0.07), ("体育", 0.06), ("音乐", 0.02),
            ("美术", 0.02), ("信息技术", 0.02)
        ],
    };

    private static async Task<int> AddTeachersAsync(
        HttpClient gateway, List<StaffedSchool> schools, Random random, CancellationToken cancellationToken)
    {
        await WaitUntilKnownAsync(gateway, "workforce", schools.Select(s => s.Id), cancellationToken);
        var teachers = new StringBuilder(
            "工号,姓名,性别,出生日期,学校编号,到校时间,任教学科," +
            "职称,骨干级别,编制,参加工作时间,岗位,免交流原因,免交流起始日期,免交流截止日期\n");
        var training = new StringBuilder("工号,课程名称,培训级别,类别,学时,培训日期,培训机构\n");
        var classes = schools.Sum(s => s.Classes);
        var count = 0;
        foreach (var school in schools)
        {
            var staff = Math.Max(6, (int)Math.Round(DemoTeachers * (double)school.Classes / classes));
            var bySubject = new Dictionary<string, int>();
            for (var i = 0; i < staff; i++)
            {
                count++;
                var principal = i == 0;
                var age = principal
                    ? 45 + random.Next(10)
                    : 23 + (int)Math.Round(Math.Clamp(random.NextDouble() + random.NextDouble(), 0, 2) / 2 * 36);
                var birth = SchoolYearStart.AddYears(-age).AddDays(-random.Next(365));
                var hired = new DateOnly(Math.Min(birth.Year + 22 + random.Next(3), SchoolYearStart.Year), 9, 1);
                // most stay a few years, some for decades
                var years = Math.Min(SchoolYearStart.Year - hired.Year, (int)Math.Round(-Math.Log(1 - random.NextDouble()) * 7));
                var since = new DateOnly(SchoolYearStart.Year - years, 9, 1);
                var stage = school.Stages[random.Next(school.Stages.Length)];
                var subject = Pick(SubjectsByStage[stage], random);
                bySubject[subject] = bySubject.GetValueOrDefault(subject) + 1;
                var title = age < 26 ? "未定级"
                    : age < 31 ? "二级"
                    : age < 40 || random.NextDouble() < 0.6 ? "一级"
                    : random.NextDouble() < 0.03 ? "正高级"
                    : "高级";
                var roll = random.NextDouble();
                var backbone = roll < 0.015 ? "市级" : roll < 0.165 ? "区级" : roll < 0.405 ? "校级" : "无";
                // A few are exempt for this school year (孕期, 哺乳期 or 病休), from 1 September to 31 August.
                var exemption = random.NextDouble() < 0.02
                    ? $"{new[] { "孕期", "哺乳期", "病休" }[random.Next(3)]},{SchoolYearStart:yyyy-MM-dd},"
                        + $"{SchoolYearStart.AddYears(1).AddDays(-1):yyyy-MM-dd}"
                    : ",,";
                var number = $"{school.DistrictCode}{count:00000}";
                teachers.Append($"{number},{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}," +
                    $"{(random.NextDouble() < 0.75 ? "女" : "男")}," +
                    $"{birth:yyyy-MM-dd},{school.Id},{since:yyyy-MM-dd},{subject},{title},{backbone}," +
                    $"{(random.NextDouble() < 0.88 ? "在编" : "合同")}," +
                    $"{hired:yyyy-MM-dd},{(principal ? "校长" : "教师")},{exemption}\n");
                // Each year before this one since the 2021 cycle began and the teacher was hired: 60 to 120 hours, so
                // nearly all completed the 2021-2025 cycle's 360 and a few fell short (kept on record as missed).
                for (var year = Math.Max(2021, hired.Year + 1); year < DateTime.UtcNow.Year; year++)
                    training.Append($"{number},年度研修,区级,全员,{60 + random.Next(61)},{year}-07-15,区教师发展中心\n");
                // This year's training so far: two to eight courses of 8 to 24 hours, so most are on track and some behind.
                foreach (var course in Courses.OrderBy(_ => random.Next()).Take(2 + random.Next(7)))
                    training.Append($"{number},{course},{new[] { "市级", "区级", "校级" }[random.Next(3)]},全员," +
                        $"{8 * (1 + random.Next(3))},{TrainingDay(random):yyyy-MM-dd},区教师发展中心\n");
            }
            // Approved posts near the staffing they have, so some subjects are over and some short.
            await SendAsync(gateway, HttpMethod.Put, $"/api/workforce/schools/{school.Id}/posts",
                bySubject.ToDictionary(s => s.Key, s => Math.Max(1, s.Value + random.Next(-1, 2))), cancellationToken);
            await SendAsync(gateway, HttpMethod.Put, $"/api/workforce/schools/{school.Id}/profile",
                new { strength = school.Named ? 5 : 1 + random.Next(4), groupName = school.Named ? "名校集团" : null },
                cancellationToken);
        }
        await UploadAsync(gateway, "/api/workforce/teachers/import", teachers.ToString(), cancellationToken);
        await UploadAsync(gateway, "/api/workforce/training/import", training.ToString(), cancellationToken);
        await SendAsync(gateway, HttpMethod.Put, "/api/workforce/training/rules/120110",
            new object[]
            {
                new { kind = "cycle", hours = 360, years = 5, firstCycleStart = 2021, newTeacherHours = 120 },
                // 东丽's 96 hours a year, from this year on.
                new { kind = "annual", hours = 96, firstCycleStart = DateTime.UtcNow.Year }
            },
            cancellationToken);
        foreach (var district in schools.Select(s => s.DistrictCode).Distinct())
            await PostAsync(gateway, "/api/workforce/rotation/plans",
                new { districtCode = district, year = SchoolYearStart.Year }, cancellationToken);
        return count;
    }

    /// <summary>A day of this calendar year up to today.</summary>
    private static DateOnly TrainingDay(Random random)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateOnly(today.Year, 1, 1).AddDays(random.Next(today.DayOfYear));
    }

    private static string Pick((string Subject, double Weight)[] choices, Random random)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (subject, weight) in choices)
            if ((roll -= weight) <= 0)
                return subject;
        return choices[^1].Subject;
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Platform.Demo;

/// <summary>
/// The demo data set, loaded through the gateway's APIs once the suite is healthy (and only into an empty
/// registry): 红桥, 河北, 东丽 and 南开 with their real streets (each with a 学区 zone of its name) and the schools
/// named in their plans, plus generated schools, births, enrolment, population by age and housing, the seeds'
/// facility projects, and a central and a high scenario. Births are Tianjin's published totals (estimated where not
/// published) shared out by each district's 七普 population; per-school figures are generated. The districts are
/// marked as sample data.
/// </summary>
public static partial class DemoData
{
    private sealed record District(
        string Code, string Name, int Population, string[] Streets, NamedSchool[] Schools, DemoProject[] Projects);

    /// <summary>
    /// A facility project of the seeds on a named school: classes added, type and path, the date it is planned to be in
    /// use, and the budget (万元). Its milestones are planned back from that date; the gates planned in the past are
    /// passed, up to <paramref name="PassUpTo"/> when given (a project still at 谋划, or one running late).
    /// </summary>
    private sealed record DemoProject(string School, string Name, int Classes, string Type, string Path, string InUse, decimal Budget,
        string? Stage = null, string? PassUpTo = null);

    private sealed record NamedSchool(string Name, string[] Stages, string Status = "open", int? OpeningYear = null);

    private static readonly District[] Districts =
    [
        new("120106", "红桥区", 483_130,
        [
            "丁字沽街", "西沽街", "邵公庄街", "芥园街", "咸阳北路街", "和苑街", "三条石街", "铃铛阁街"
        ],
        [
            new("天津市耀华中学红桥学校", ["junior_secondary", "senior_secondary"]),
            new("河西区上海道小学办学集团红桥学校", ["primary"]),
            new("河西区第二幼儿园办学集团红桥幼儿园", ["kindergarten"]),
            new("红桥区第七幼儿园", ["kindergarten"]),
            new("天津市第三中学附属小学", ["primary"]),
            new("天津市民族中学附属小学", ["primary"]),
            new("天津市第三中学", ["junior_secondary", "senior_secondary"]),
            new("天津市实验小学红桥学校", ["primary"], "planned", 2028),
            new("天津市耀华中学红桥学校东校区", ["junior_secondary"], "planned", 2029),
            new("云泽园配套幼儿园", ["kindergarten"], "planned", 2027),
        ],
        [
            new("天津市第三中学附属小学", "天津市第三中学附属小学改扩建工程",
                6, "expansion", "government", "2027-08-25", 3800),
            new("天津市实验小学红桥学校", "天津市实验小学红桥学校新建工程",
                24, "new_build", "government", "2028-08-25", 26000),
            new("天津市耀华中学红桥学校东校区", "天津市耀华中学红桥学校东校区新建工程",
                24, "new_build", "government", "2029-08-25", 32000),
            new("天津市第三中学", "天津市第三中学西区扩建项目",
                12, "expansion", "government", "2030-08-25", 9000, Stage: "senior_secondary", PassUpTo: "proposed"),
            new("云泽园配套幼儿园", "接收云泽园配套幼儿园", 9, "developer_handover", "developer", "2027-08-25", 600),
        ]),
        new("120105", "河北区", 647_702,
        [
            "光复道街", "望海楼街", "鸿顺里街", "新开河街", "铁东路街",
            "建昌道街", "宁园街", "王串场街", "江都路街", "月牙河街"
        ],
        [
            new("第二实验小学中铁国际校区", ["primary"], "planned", 2023),
            new("育婴里第三小学", ["primary"]),
            new("杨桥大街地块规划小学", ["primary"], "planned", 2027),
            new("天津市第二中学", ["junior_secondary", "senior_secondary"]),
        ],
        [
            new("第二实验小学中铁国际校区", "第二实验小学中铁国际校区新建工程",
                24, "new_build", "government", "2023-08-25", 21000),
            new("育婴里第三小学", "育婴里第三小学改扩建工程", 6, "expansion", "government", "2026-08-25", 4200),
            new("杨桥大街地块规划小学", "杨桥大街地块规划小学新建工程",
                24, "new_build", "government", "2027-08-25", 18000, PassUpTo: "topping_out"),
        ]),
        new("120110", "东丽区", 857_027, ["华明街", "金桥街", "万新街", "新立街", "东丽湖街", "金钟街", "华新街"],
        [
            new("天津市第一百中学", ["senior_secondary"]),
            new("军粮城中学", ["junior_secondary", "senior_secondary"]),
            new("育才中学", ["junior_secondary"]),
            // 东丽's plan counts 30 kindergartens and 9 primary schools by 2025 without naming them: two stand for them.
            new("东丽湖第二幼儿园", ["kindergarten"], "planned", 2025),
            new("金钟新市镇小学", ["primary"], "planned", 2025),
        ],
        [
            new("东丽湖第二幼儿园", "东丽湖第二幼儿园新建工程", 9, "new_build", "government", "2025-08-25", 3600),
            new("金钟新市镇小学", "金钟新市镇小学新建工程", 24, "new_build", "government", "2025-08-25", 16000),
            new("育才中学", "育才中学扩建工程", 8, "expansion", "government", "2028-08-25", 5200, PassUpTo: "proposed"),
        ]),
        new("120104", "南开区", 890_422,
        [
            "长虹街", "鼓楼街", "兴南街", "广开街", "万兴街",
            "学府街", "向阳路街", "嘉陵道街", "王顶堤街", "华苑街"
        ],
        [
            new("天津市南开中学", ["junior_secondary", "senior_secondary"]),
        ],
        []),
    ];

    /// <summary>
    /// Tianjin's births: 2014, 2016, 2017 and 2023-2024 from published figures, the other years estimated from the
    /// birth rate.
    /// </summary>
    private static readonly Dictionary<int, int> TianjinBirths = new()
    {
        [2008] = 95_000, [2009] = 97_000, [2010] = 99_000, [2011] = 102_000, [2012] = 110_000, [2013] = 108_000, [2014] = 120_000,
        [2015] = 105_000, [2016] = 114_600, [2017] = 119_300, [2018] = 104_000, [2019] = 105_000, [2020] = 83_000, [2021] = 75_000,
        [2022] = 68_000, [2023] = 61_000, [2024] = 68_000, [2025] = 58_000,
    };

    private const int TianjinPopulation = 13_866_009;
    private const int FirstEnrolmentYear = 2016;
    private const int LastEnrolmentYear = 2025;

    private static readonly Dictionary<string, (int[] Grades, int Norm, int MinClasses, int MaxClasses)> StageShape = new()
    {
        ["kindergarten"] = ([-2, -1, 0], 30, 2, 4),
        ["primary"] = ([1, 2, 3, 4, 5, 6], 45, 2, 6),
        ["junior_secondary"] = ([7, 8, 9], 50, 4, 8),
        ["senior_secondary"] = ([10, 11, 12], 50, 6, 10),
    };

    /// <summary>Per-dwelling pupils and the maturation curve the demo's 高方案 uses (invented: districts enter their own).</summary>
    private static readonly object DemoHousing = new
    {
        yieldPerDwelling = new Dictionary<string, double> { ["kindergarten"] = 0.06, ["primary"] = 0.12, ["junior_secondary"] = 0.05 },
        maturation = new[] { 0.4, 0.8, 1.0, 1.0, 0.8, 0.6 },
    };

    /// <summary>Loads the set through <paramref name="gateway"/>, signed in as a city-wide user, unless schools exist.</summary>
    public static async Task LoadAsync(HttpClient gateway, ILogger logger, CancellationToken cancellationToken)
    {
        var existing = await gateway.GetFromJsonAsync<JsonElement[]>("/api/planning/schools", cancellationToken);
        if (existing!.Length > 0)
        {
            logger.LogInformation("Demo data: the registry has schools already; nothing loaded.");
            return;
        }

        logger.LogInformation("Demo data: loading 红桥, 河北, 东丽 and 南开 (sample data)...");
        var random = new Random(2026);
        var centralScenarios = new List<Guid>();
        var births = new StringBuilder("区划代码,年份,出生人口\n");
        var enrolment = new StringBuilder("学校编号,年级,学年,在校生数\n");
        var population = new StringBuilder("区划代码,年份,年龄,人口\n");
        var housing = new StringBuilder("区划代码,项目名称,学区,住宅套数,竣工年份\n");
        var projects = new List<(Guid SchoolId, DemoProject Project)>();
        var staffed = new List<StaffedSchool>();
        var schools = 0;
        foreach (var district in Districts)
        {
            var districtBirths = TianjinBirths.ToDictionary(
                b => b.Key, b => (int)Math.Round(b.Value * (double)district.Population / TianjinPopulation));
            foreach (var (year, count) in districtBirths)
                births.Append($"{district.Code},{year},{count}\n");
            var meanBirths = districtBirths.Values.Average();

            var zones = new List<(Guid Zone, Guid Street, string Prefix)>();
            foreach (var street in district.Streets)
            {
                var streetId = await PostAsync(gateway, $"/api/planning/districts/{district.Code}/streets",
                    new { name = street }, cancellationToken);
                var zoneId = await PostAsync(gateway, $"/api/planning/districts/{district.Code}/zones",
                    new { name = $"{street.TrimEnd('街')}学区", kind = "school_district" }, cancellationToken);
                zones.Add((zoneId, streetId, street.TrimEnd('街')));
            }

            // Kindergartens: mostly public, some 普惠性民办 and a few 民办, so the coverage indicators have something to show.
            var planned = district.Schools.Select((school, i) => (School: school, Zone: zones[i % zones.Count], Ownership: "public"))
                .Concat(zones.SelectMany((zone, i) => new[]
                {
                    (new NamedSchool($"{zone.Prefix}幼儿园", ["kindergarten"]), zone,
                        i % 5 == 4 ? "private" : i % 3 == 1 ? "inclusive_private" : "public"),
                    (new NamedSchool($"{zone.Prefix}小学", ["primary"]), zone, "public"),
                    (new NamedSchool($"{zone.Prefix}第二小学", ["primary"]), zone, "public"),
                    (new NamedSchool($"{zone.Prefix}中学", ["junior_secondary"]), zone, "public"),
                }));
            var open = new List<(Guid SchoolId, string Stage, int Classes, int FromYear)>();
            foreach (var (school, zone, ownership) in planned)
            {
                var classes = school.Stages.ToDictionary(stage => stage,
                    stage => random.Next(StageShape[stage].MinClasses, StageShape[stage].MaxClasses + 1));
                var schoolId = await PostAsync(gateway, "/api/planning/schools", new
                {
                    name = school.Name, districtCode = district.Code, zoneId = zone.Zone, streetId = zone.Street,
                    ownership, status = school.Status, openingYear = school.OpeningYear,
                    stages = school.Stages.Select(stage => new
                    {
                        stage, classesPerGrade = Enumerable.Repeat(classes[stage], StageShape[stage].Grades.Length).ToArray()
                    }),
                }, cancellationToken);
                schools++;
                projects.AddRange(district.Projects.Where(p => p.School == school.Name).Select(p => (schoolId, p)));
                // A planned school that opened within the enrolment years (its project is commissioned below) has pupils from then on.
                if (school.Status == "open" || school.OpeningYear <= LastEnrolmentYear)
                {
                    var from = school.Status == "open" ? FirstEnrolmentYear : school.OpeningYear!.Value;
                    open.AddRange(school.Stages.Select(stage => (schoolId, stage, classes[stage], from)));
                    staffed.Add(new StaffedSchool(schoolId, district.Code, school.Stages,
                        school.Stages.Sum(stage => classes[stage] * StageShape[stage].Grades.Length),
                        Named: district.Schools.Contains(school)));
                }
            }

            // Each grade's pupils follow its birth cohort. Primary and junior take the same share of a cohort (children
            // stay at school through the compulsory years), sized so primary schools run at about 90%; junior schools
            // are then as full as their classes allow. Kindergartens and senior schools run at about 90% of their places.
            // Within a stage, schools share the pupils by their classes.
            var classesOfStage = open.GroupBy(o => o.Stage).ToDictionary(g => g.Key, g => g.Sum(o => o.Classes));
            double Share(string stage) => 0.9 * classesOfStage.GetValueOrDefault(stage) * StageShape[stage].Norm / meanBirths;
            var compulsoryShare = Share("primary");
            var pupilsByYearAndGrade = new Dictionary<(int Year, int Grade), double>();
            foreach (var (schoolId, stage, classes, fromYear) in open)
            {
                var share = (stage is "primary" or "junior_secondary" ? compulsoryShare : Share(stage)) * classes / classesOfStage[stage];
                foreach (var grade in StageShape[stage].Grades)
                    for (var year = fromYear; year <= LastEnrolmentYear; year++)
                    {
                        // The cohort in this grade was born grade + 5 years before (小班, grade -2, at 3).
                        var cohort = districtBirths.GetValueOrDefault(year - grade - 5, (int)meanBirths);
                        var pupils = (int)Math.Round(share * cohort * (0.97 + 0.06 * random.NextDouble()));
                        enrolment.Append($"{schoolId},{GradeName(grade)},{year},{pupils}\n");
                        pupilsByYearAndGrade[(year, grade)] = pupilsByYearAndGrade.GetValueOrDefault((year, grade)) + pupils;
                    }
            }
            // Children of kindergarten and senior age from the pupils of their grade (a few are not enrolled), the
            // others from their birth cohort with a little in-migration.
            for (var year = FirstEnrolmentYear; year <= LastEnrolmentYear; year++)
                for (var age = 0; age <= 17; age++)
                {
                    var persons = age is >= 3 and <= 5 or >= 15
                        ? pupilsByYearAndGrade.GetValueOrDefault((year, age - 5)) / (0.95 + 0.045 * random.NextDouble())
                        : districtBirths.GetValueOrDefault(year - age, (int)meanBirths) * 1.02;
                    population.Append($"{district.Code},{year},{age},{(int)Math.Round(persons)}\n");
                }
            foreach (var (suffix, i) in new[] { "新苑", "家园" }.Select((suffix, i) => (suffix, i)))
            {
                var zone = zones[random.Next(zones.Count)];
                housing.Append($"{district.Code},{zone.Prefix}{suffix},{zone.Prefix}学区,{random.Next(8, 25) * 100}," +
                    $"{LastEnrolmentYear + 1 + i + random.Next(3)}\n");
            }
            centralScenarios.Add(await PostAsync(gateway, "/api/planning/scenarios",
                new { districtCode = district.Code, name = "中方案", levers = new { horizon = 10 } }, cancellationToken));
            await PostAsync(gateway, "/api/planning/scenarios", new
            {
                districtCode = district.Code, name = "高方案",
                levers = new { horizon = 10, variant = "high", housing = DemoHousing, facilityProjects = "proposed" },
            }, cancellationToken);
        }
        logger.LogInformation("Demo data: {Schools} schools registered; importing births, enrolment, population and housing...", schools);
        await UploadAsync(gateway, "/api/planning/births/import", births.ToString(), cancellationToken);
        await UploadAsync(gateway, "/api/planning/enrolment/import", enrolment.ToString(), cancellationToken);
        await UploadAsync(gateway, "/api/planning/population/import", population.ToString(), cancellationToken);
        await UploadAsync(gateway, "/api/planning/housing/import", housing.ToString(), cancellationToken);
        logger.LogInformation("Demo data: adding {Projects} facility projects and the teachers...", projects.Count);
        await AddProjectsAsync(gateway, projects, cancellationToken);
        var teachers = await AddTeachersAsync(gateway, staffed, random, cancellationToken);
        // Each district's 中方案 is its official forecast: Workforce plans establishment on it, and its shortfalls
        // become Facilities' proposals.
        foreach (var scenario in centralScenarios)
            await SendAsync(gateway, HttpMethod.Post, $"/api/planning/scenarios/{scenario}/adopt", null, cancellationToken);
        await SendAsync(gateway, HttpMethod.Put, "/api/planning/sample-data", new
        {
            districtCodes = Districts.Select(d => d.Code),
            note = "演示数据：学校、学位、出生、在校生、人口、住宅、" +
                "工程项目与教师为生成或虚构的样例，不是统计数据。",
        }, cancellationToken);
        logger.LogInformation(
            "Demo data: {Districts} districts, {Schools} schools, births {FirstBirths}-{LastBirths}, enrolment and population "
            + "{FirstYear}-{LastYear}, {Projects} facility projects, {Teachers} teachers.",
            Districts.Length, schools, TianjinBirths.Keys.Min(), TianjinBirths.Keys.Max(), FirstEnrolmentYear, LastEnrolmentYear,
            projects.Count, teachers);
    }

    /// <summary>
    /// The seeds' projects in Facilities (once it has heard of their schools): details, a milestone plan, and the gates
    /// passed so far, each with a document. Passing 立项 approves a project and passing 投入使用 commissions it; a
    /// developer-built project, which has no 立项 gate, is approved directly. Dates, sizes and budgets are invented.
    /// </summary>
    private static async Task AddProjectsAsync(
        HttpClient gateway, List<(Guid SchoolId, DemoProject Project)> projects, CancellationToken cancellationToken)
    {
        await WaitUntilKnownAsync(gateway, "facilities", projects.Select(p => p.SchoolId), cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (schoolId, project) in projects)
        {
            var inUse = DateOnly.Parse(project.InUse);
            var id = await PostAsync(gateway, "/api/facilities/projects",
                new
                {
                    schoolId, name = project.Name, stage = project.Stage, classesAdded = project.Classes,
                    plannedInUse = project.InUse
                },
                cancellationToken);
            await SendAsync(gateway, HttpMethod.Put, $"/api/facilities/projects/{id}/details", new
            {
                type = project.Type, budget = project.Budget, responsibleUnit = "区教育局基建科",
                funding = new Dictionary<string, decimal>
                {
                    ["区财政资金"] = project.Budget * 0.6m, ["政府专项债"] = project.Budget * 0.4m
                },
            }, cancellationToken);
            string[] gates = project.Path == "developer"
                ? ["obligation", "construction_start", "completion", "joint_acceptance", "handover", "operator", "fit_out", "in_use"]
                : ["proposed", "approved", "site", "feasibility", "design", "drawings", "tender", "permit", "construction_start",
                   "topping_out", "completion", "filing", "handover", "fit_out", "in_use"];
            var spacing = project.Path == "developer" ? 150 : 80;
            var plan = gates.Select((gate, i) => (Gate: gate, Date: inUse.AddDays(-spacing * (gates.Length - 1 - i)))).ToList();
            await SendAsync(gateway, HttpMethod.Put, $"/api/facilities/projects/{id}/plan",
                new { path = project.Path, milestones = plan.ToDictionary(p => p.Gate, p => p.Date.ToString("yyyy-MM-dd")) },
                cancellationToken);
            if (project.Path == "developer")
                await SendAsync(gateway, HttpMethod.Post, $"/api/facilities/projects/{id}/approve", null, cancellationToken);
            var last = project.PassUpTo is { } upTo ? Array.IndexOf(gates, upTo) : gates.Length - 1;
            foreach (var (gate, date) in plan.Take(last + 1).Where(p => p.Date <= today))
                await SendAsync(gateway, HttpMethod.Post, $"/api/facilities/projects/{id}/gates",
                    new { gate, date, documentReference = $"教基〔{date.Year}〕{Array.IndexOf(gates, gate) + 1}号" },
                    cancellationToken);
        }
    }

    /// <summary>Waits (up to a minute) until a service has heard of the schools, through Planning's events.</summary>
    private static async Task WaitUntilKnownAsync(
        HttpClient gateway, string service, IEnumerable<Guid> schools, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var wanted = schools.ToHashSet();
        while (!wanted.IsSubsetOf((await gateway.GetFromJsonAsync<JsonElement[]>($"/api/{service}/schools", deadline.Token))!
                   .Select(s => s.GetProperty("id").GetGuid())))
            await Task.Delay(200, deadline.Token);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient gateway, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var response = await gateway.SendAsync(
            new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Demo data: {method} {path} answered {(int)response.StatusCode}: " +
                $"{Start(await response.Content.ReadAsStringAsync(cancellationToken))}");
        return response;
    }

    private static string GradeName(int grade) => grade switch { -2 => "小班", -1 => "中班", 0 => "大班", _ => grade.ToString() };

    private static async Task<Guid> PostAsync(HttpClient gateway, string path, object body, CancellationToken cancellationToken) =>
        (await (await SendAsync(gateway, HttpMethod.Post, path, body, cancellationToken)).Content
            .ReadFromJsonAsync<JsonElement>(cancellationToken))
        .GetProperty("id").GetGuid();

    private static string Start(string text) => text.Length <= 600 ? text : text[..600] + " …";

    private static async Task UploadAsync(HttpClient gateway, string path, string csv, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "demo.csv" } };
        var response = await gateway.PostAsync(path, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Demo data: import {path} answered {(int)response.StatusCode}: " +
                $"{Start(await response.Content.ReadAsStringAsync(cancellationToken))}");
    }
}

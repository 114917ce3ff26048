namespace Platform.Workforce.Teachers;

/// <summary>The words a teacher record uses, as bureaus' files write them (Chinese or English), and the codes stored.</summary>
public static class TeacherCodes
{
    public static readonly IReadOnlyDictionary<string, string> Genders = Words(
        ("male", ["男", "male", "M"]), ("female", ["女", "female", "F"]));

    /// <summary>任教学段: the stage a teacher teaches, under the names a roll gives it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stages = Words(
        ("kindergarten", ["学前", "幼儿园", "kindergarten"]), ("primary", ["小学", "primary"]),
        ("junior_secondary", ["初中", "junior_secondary"]), ("senior_secondary", ["高中", "普通高中", "senior_secondary"]));

    /// <summary>职称: the unified title ladder for primary and secondary teachers, and 未定级 for the newly hired.</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = Words(
        ("senior_professor", ["正高级", "正高级教师"]), ("senior", ["高级", "高级教师"]), ("first", ["一级", "一级教师"]),
        ("second", ["二级", "二级教师"]), ("third", ["三级", "三级教师"]), ("unranked", ["未定级", "无"]));

    /// <summary>骨干 levels: 校级, 区级, 市级 and 特级.</summary>
    public static readonly IReadOnlyDictionary<string, string> Backbone = Words(
        ("none", ["无", "否", "none"]), ("school", ["校级", "校级骨干"]), ("district", ["区级", "区级骨干"]),
        ("city", ["市级", "市级骨干"]), ("special", ["特级", "特级教师"]));

    /// <summary>在编: a teacher within the school's establishment, counted against it.</summary>
    public const string InEstablishment = "in_establishment";

    public static readonly IReadOnlyDictionary<string, string> Establishment = Words(
        (InEstablishment, ["在编", "是", "in_establishment"]), ("contract", ["非在编", "合同", "合同制", "否", "contract"]));

    public static readonly IReadOnlyDictionary<string, string> Roles = Words(
        ("teacher", ["教师", "teacher"]), ("principal", ["校长", "principal"]));

    /// <summary>
    /// Why a teacher is exempt from rotation for a time: 孕期, 哺乳期, 病休, 受处分, or 其他 (with a note). 无 or an empty
    /// cell is no exemption; any other text is refused.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Exemptions = Words(
        ("pregnancy", ["孕期", "pregnancy"]), ("nursing", ["哺乳期", "nursing"]), ("sick_leave", ["病休", "sick_leave"]),
        ("discipline", ["受处分", "discipline"]), ("other", ["其他", "other"]));

    /// <summary>An exemption's reason in Chinese, as the list names it.</summary>
    public static string ExemptionName(string reason) => Exemptions.First(e => e.Value == reason).Key;

    /// <summary>An exemption's reason in the user's words.</summary>
    public static UserText ExemptionText(string reason) => new(ExemptionName(reason), reason switch
    {
        "pregnancy" => "pregnancy",
        "nursing" => "nursing",
        "sick_leave" => "sick leave",
        "discipline" => "disciplinary action",
        _ => "other",
    });

    /// <summary>Subjects, with the names files also use for them. 音乐, 体育 and 美术 (音体美) are watched for gaps.</summary>
    public static readonly IReadOnlyDictionary<string, string> Subjects = Words(
        ("语文", ["语文"]), ("数学", ["数学"]), ("英语", ["英语", "外语"]), ("物理", ["物理"]), ("化学", ["化学"]), ("生物", ["生物", "生物学"]),
        ("历史", ["历史"]), ("地理", ["地理"]), ("道德与法治", ["道德与法治", "思想品德", "品德与社会"]), ("思想政治", ["思想政治", "政治"]),
        ("科学", ["科学"]), ("信息技术", ["信息技术", "信息科技"]), ("通用技术", ["通用技术"]), ("音乐", ["音乐"]), ("体育", ["体育", "体育与健康"]),
        ("美术", ["美术"]), ("心理健康", ["心理健康", "心理"]), ("劳动", ["劳动", "劳动技术"]), ("学前教育", ["学前教育", "幼教"]), ("特殊教育", ["特殊教育"]));

    /// <summary>The subjects by their names, for a message that lists them.</summary>
    public static readonly string SubjectList = string.Join("、", Subjects.Values.Distinct());

    public static readonly IReadOnlySet<string> ArtsAndSports = new HashSet<string> { "音乐", "体育", "美术" };

    private static IReadOnlyDictionary<string, string> Words(params (string Code, string[] Words)[] entries) =>
        entries.SelectMany(e => e.Words.Select(word => (word, e.Code)))
            .ToDictionary(p => p.word, p => p.Code, StringComparer.OrdinalIgnoreCase);
}

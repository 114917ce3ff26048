using Platform.Contracts;

namespace Platform.Workforce;

/// <summary>Words more than one feature of Workforce says to users.</summary>
internal static class WorkforceTexts
{
    public static readonly UserText SixDigitDistrict = new("须为六位行政区划代码。", "must be a six-digit district code.");

    public static readonly UserText OneTo30Subjects = new("须填写 1 到 30 个学科。", "must give 1 to 30 subjects.");

    /// <summary>
    /// A stage (学段) by its name: 学前, 小学, 初中, 普通高中 as messages name them, or the code in English words.
    /// </summary>
    public static UserText StageName(string stage) =>
        new(SchoolStages.ChineseNames.GetValueOrDefault(stage, stage), stage.Replace('_', ' '));
}

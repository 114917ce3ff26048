namespace Platform.Planning.Schools;

/// <summary>
/// A school stage (学段), its grades and its default class-size norm (班额标准): 小学 45, 初中 and 高中 50
/// (GB 50099-2011); kindergartens plan 25/30/35 children for 小/中/大班, so a kindergarten class defaults to 30.
/// A school may override the norm per stage.
/// </summary>
public sealed record Stage(string Code, string ChineseName, int DefaultClassSizeNorm)
{
    public static readonly IReadOnlyDictionary<string, Stage> All = new[]
    {
        new Stage("kindergarten", "学前", 30),
        new Stage("primary", "小学", 45),
        new Stage("junior_secondary", "初中", 50),
        new Stage("senior_secondary", "普通高中", 50),
    }.ToDictionary(stage => stage.Code);

    /// <summary>The codes a request may give, each with its Chinese name in the Chinese text.</summary>
    public static readonly UserText Listed = new(
        string.Join("、", All.Values.Select(stage => $"{stage.Code}（{stage.ChineseName}）")), string.Join(", ", All.Keys));

    public IReadOnlyList<int> Grades => Forecasting.Grades.OfStage(Code).ToList();
}

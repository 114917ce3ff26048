namespace Platform.Planning.Forecasting;

/// <summary>
/// Grades as numbers: kindergarten 小班, 中班, 大班 are -2, -1 and 0; school grades are 1 to 12. Each grade belongs to one
/// stage; the entry grades take children from births (小班 at age 3, grade 1 at age 6).
/// </summary>
public static class Grades
{
    public const int Min = -2;
    public const int Max = 12;
    public const int Count = Max - Min + 1;

    public const int KindergartenEntry = -2; // 小班
    public const int PrimaryEntry = 1;

    public static IEnumerable<int> All => Enumerable.Range(Min, Count);

    /// <summary>Years between birth and entering the grade: 3 for 小班, 6 for grade 1.</summary>
    public static int? BirthLag(int grade) => grade switch
    {
        KindergartenEntry => 3,
        PrimaryEntry => 6,
        _ => null,
    };

    /// <summary>Grades whose pupils come from another stage (小升初, 初升高): 7 and 10.</summary>
    public static bool IsStageTransition(int grade) => grade is 7 or 10;

    public static string StageOf(int grade) => grade switch
    {
        <= 0 => "kindergarten",
        <= 6 => "primary",
        <= 9 => "junior_secondary",
        _ => "senior_secondary",
    };

    public static IEnumerable<int> OfStage(string stage) => All.Where(grade => StageOf(grade) == stage);
}

using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Workforce.Rotation;

public enum Gender { Male, Female }

public enum Role { Teacher, Principal }

/// <summary>骨干 levels: 校级, 区级, 市级, 特级 (and 正高级 counted with 特级).</summary>
public enum BackboneLevel { None, School, District, City, Special }

/// <summary>
/// The 交流轮岗 rules of a district, with Tianjin's defaults (domain.md): eligible are 在编在岗 teachers, men under 50 and
/// women under 45, after six consecutive years at the same school; principals men under 55 and women under 50 after
/// ten years; nobody with an exemption. Each school rotates at least 10% of its eligible teachers a year, of whom at
/// least 20% are backbone teachers, for a term of 1 to 3 school years.
/// </summary>
public sealed record RotationPolicy
{
    [Bounds(25, 70)] public int MaleMaxAge { get; init; } = 50;
    [Bounds(25, 70)] public int FemaleMaxAge { get; init; } = 45;
    [Bounds(1, 20)] public int MinYearsAtSchool { get; init; } = 6;
    [Bounds(25, 70)] public int PrincipalMaleMaxAge { get; init; } = 55;
    [Bounds(25, 70)] public int PrincipalFemaleMaxAge { get; init; } = 50;
    [Bounds(1, 20)] public int PrincipalMinYears { get; init; } = 10;
    [Bounds(0, 1)] public double QuotaShare { get; init; } = 0.10;
    [Bounds(0, 1)] public double BackboneShare { get; init; } = 0.20;
    public IReadOnlyList<Direction> Directions { get; init; } = [Direction.StrongToWeak, Direction.OverToUnderStaffed];
    public RotationScope Scope { get; init; } = RotationScope.District;
    [Bounds(1, 3)] public int TermYears { get; init; } = 3;

    /// <summary>
    /// Off (the default), a school receives at most its subject gaps plus the teachers it sends, so exchanges balance;
    /// on, a weaker school may receive beyond that under strong-to-weak.
    /// </summary>
    public bool ReceiveBeyondGaps { get; init; }

    /// <summary>Off (the default), a teacher goes only to a school that teaches a stage of their own school's.</summary>
    public bool AcrossStages { get; init; }

    /// <summary>Off (the default), a teacher goes only to a school short of their subject.</summary>
    public bool BeyondSubjectNeed { get; init; }

    /// <summary>Each school's share rounded up (the default), or the district's.</summary>
    public QuotaUnit QuotaUnit { get; init; } = QuotaUnit.School;

    /// <summary>Each direction in the user's words.</summary>
    public static readonly IReadOnlyDictionary<Direction, UserText> DirectionNames = new Dictionary<Direction, UserText>
    {
        [Direction.StrongToWeak] = new("强校到弱校", "strong to weak"),
        [Direction.OverToUnderStaffed] = new("超编学科到缺编学校", "over- to under-staffed"),
    };

    private static readonly UserText OneTo20Years = new("须在 1 到 20 年之间。", "must be between 1 and 20 years.");

    /// <summary>The policy as a plan answers it (Platform.Contracts): its rules, without their bounds.</summary>
    public PlanPolicy ToView() => new(
        MaleMaxAge, FemaleMaxAge, MinYearsAtSchool, PrincipalMaleMaxAge, PrincipalFemaleMaxAge, PrincipalMinYears, QuotaShare,
        BackboneShare, Directions, Scope, TermYears, ReceiveBeyondGaps, AcrossStages, BeyondSubjectNeed, QuotaUnit);

    /// <returns>Each rule out of range, with the reason; empty when all are valid.</returns>
    public IReadOnlyDictionary<string, UserText> Problems()
    {
        var problems = new Dictionary<string, UserText>();
        foreach (var (name, age) in new[] { (nameof(MaleMaxAge), MaleMaxAge), (nameof(FemaleMaxAge), FemaleMaxAge),
            (nameof(PrincipalMaleMaxAge), PrincipalMaleMaxAge), (nameof(PrincipalFemaleMaxAge), PrincipalFemaleMaxAge) })
            if (age is < 25 or > 70)
                problems[name] = new("须在 25 到 70 岁之间。", "must be an age between 25 and 70.");
        if (MinYearsAtSchool is < 1 or > 20)
            problems[nameof(MinYearsAtSchool)] = OneTo20Years;
        if (PrincipalMinYears is < 1 or > 20)
            problems[nameof(PrincipalMinYears)] = OneTo20Years;
        if (QuotaShare is <= 0 or > 1 || double.IsNaN(QuotaShare))
            problems[nameof(QuotaShare)] = new("须大于 0 且不超过 1。", "must be above 0 and at most 1.");
        if (BackboneShare is < 0 or > 1 || double.IsNaN(BackboneShare))
            problems[nameof(BackboneShare)] = UserText.Between(0, 1);
        if (Directions is null || Directions.Count == 0)
            problems[nameof(Directions)] = new(
                $"须至少允许一个方向（{string.Join("、", DirectionNames.Values.Select(d => d.Zh))}）。",
                $"must allow at least one direction ({string.Join(", ", DirectionNames.Values.Select(d => d.En))}).");
        if (TermYears is < 1 or > 3)
            problems[nameof(TermYears)] = new("须为 1 到 3 个学年。", "must be 1 to 3 school years.");
        return problems;
    }
}

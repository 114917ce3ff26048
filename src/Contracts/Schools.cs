namespace Platform.Contracts;

/// <summary>One stage (学段) of a school: its class-size norm and its capacity in classes and places (学位).</summary>
public sealed record SchoolStageCapacity(string Stage, int ClassSizeNorm, int Classes, int Places);

/// <summary>
/// A school entered in Planning's registry, which owns it; other services keep read models. <see cref="Version"/>
/// starts at 1 and grows with every change, so a read model keeps the newest whatever order events arrive in.
/// </summary>
public sealed record SchoolRegistered(
    Guid SchoolId,
    int Version,
    string Name,
    string DistrictCode,
    Guid ZoneId,
    string Ownership,
    string Status,
    int? OpeningYear,
    IReadOnlyList<SchoolStageCapacity> Stages);

/// <summary>A school of the registry changed: its details, its stages, or its capacity (e.g. after commissioning).</summary>
public sealed record SchoolUpdated(
    Guid SchoolId,
    int Version,
    string Name,
    string DistrictCode,
    Guid ZoneId,
    string Ownership,
    string Status,
    int? OpeningYear,
    IReadOnlyList<SchoolStageCapacity> Stages);

/// <summary>The stage codes messages use: 学前, 小学, 初中, 普通高中.</summary>
public static class SchoolStages
{
    public static readonly IReadOnlyList<string> Codes = ["kindergarten", "primary", "junior_secondary", "senior_secondary"];

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        ["kindergarten"] = "学前", ["primary"] = "小学", ["junior_secondary"] = "初中", ["senior_secondary"] = "普通高中",
    };

    public static string ChineseName(string code) => ChineseNames.GetValueOrDefault(code, code);
}

/// <summary>
/// The status codes messages use: a school is planned (规划中: registered before it opens, with its opening year), open
/// (在办) or closed (已停办). A code of the registry's record, not a workflow: the registry sets it as it is.
/// </summary>
public static class SchoolStatus
{
    public const string Planned = "planned";
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [Planned] = "规划中", [Open] = "在办", [Closed] = "已停办",
    };
}

/// <summary>The ownership codes messages use: 公办, 民办, and 普惠性民办, which is for kindergartens only.</summary>
public static class SchoolOwnerships
{
    public const string InclusivePrivate = "inclusive_private";

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        ["public"] = "公办", ["private"] = "民办", [InclusivePrivate] = "普惠性民办",
    };
}

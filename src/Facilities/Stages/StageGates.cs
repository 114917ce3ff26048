using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Facilities.Stages;

/// <summary>A stage gate of a path, with the Chinese term planners use.</summary>
public sealed record Gate(string Code, string ChineseName);

/// <summary>
/// The stage gates of each delivery path (domain.md, "Facility projects"; research seeds-facilities.md §2.2).
/// Government: 谋划 → 立项 → 选址及用地 → 可研 → 初步设计/概算 → 施工图审查 → 招标 → 施工许可 → 开工 → 主体封顶 → 竣工验收 →
/// 竣工验收备案 → 移交 → 开办准备 → 投入使用. Developer-built 配套: 配套义务登记 → 开工 (developer) → 竣工 → 联合验收 → 移交 →
/// 确定办园主体 (公办 or 普惠民办) → 开办准备 → 投入使用.
/// </summary>
public static class Paths
{
    public static readonly IReadOnlyDictionary<DeliveryPath, IReadOnlyList<Gate>> Gates = new Dictionary<DeliveryPath, IReadOnlyList<Gate>>
    {
        [DeliveryPath.Government] =
        [
            new("proposed", "谋划"), new("approved", "立项"), new("site", "选址及用地"), new("feasibility", "可研批复"), new("design", "初步设计及概算批复"),
            new("drawings", "施工图审查"), new("tender", "招标"), new("permit", "施工许可"), new("construction_start", "开工"),
            new("topping_out", "主体封顶"),
            new("completion", "竣工验收"), new("filing", "竣工验收备案"), new("handover", "移交"), new("fit_out", "开办准备"), new("in_use", "投入使用"),
        ],
        [DeliveryPath.Developer] =
        [
            new("obligation", "配套义务登记"), new("construction_start", "开工"), new("completion", "竣工"), new("joint_acceptance", "联合验收"),
            new("handover", "移交"), new("operator", "确定办园主体"), new("fit_out", "开办准备"), new("in_use", "投入使用"),
        ],
    };
}

/// <summary>A gate passed: when, by whom (the signed-in user), on which document; or waived, with the reason recorded.</summary>
public sealed record Passage(string Gate, DateOnly Date, SignedInUser By, string? DocumentReference, string? WaiverReason = null)
{
    public bool Waived => WaiverReason is not null;
}

/// <summary>The rules of passing gates (plain: no I/O).</summary>
public static class StageGates
{
    /// <summary>
    /// Checks passing <paramref name="next"/> after the gates already passed: it must be the path's next gate; a gate is
    /// skipped only with a waiver for it recorded first; the date may not be in the future nor before the previous
    /// gate's; a passage needs, unless waived, the document it rests on.
    /// </summary>
    /// <returns>Each problem, by field; empty when the passage may be recorded.</returns>
    public static IReadOnlyDictionary<string, UserText> Check(
        DeliveryPath path, IReadOnlyList<Passage> passed, Passage next, DateOnly today)
    {
        var problems = new Dictionary<string, UserText>();
        var gates = Paths.Gates[path];
        var index = IndexOf(gates, next.Gate);
        if (index < 0)
        {
            problems["gate"] = NotAGate(path, gates);
            return problems;
        }
        var expected = passed.Count;
        if (passed.Any(p => p.Gate == next.Gate))
            problems["gate"] = new($"{gates[index].ChineseName}已经通过。", $"{gates[index].ChineseName} has been passed already.");
        else if (index != expected)
            problems["gate"] = index < expected
                ? new($"{gates[index].ChineseName}应在已通过的节点之前。", $"{gates[index].ChineseName} comes before gates already passed.")
                : new($"应先通过{gates[expected].ChineseName}；只有登记了豁免的节点才能跳过。",
                    $"{gates[expected].ChineseName} comes first; a gate is skipped only by a recorded waiver.");
        if (next.Date > today)
            problems["date"] = new($"{next.Date:yyyy-MM-dd} 尚未到来：节点通过后再登记（未来的日期请作为计划节点填写）。",
                $"{next.Date:yyyy-MM-dd} is in the future: record a gate once it is passed (plan it as a milestone instead).");
        else if (passed.Count > 0 && next.Date < passed[^1].Date)
            problems["date"] = new($"{next.Date:yyyy-MM-dd} 早于{gates[expected - 1].ChineseName}（{passed[^1].Date:yyyy-MM-dd}）。",
                $"{next.Date:yyyy-MM-dd} is before {gates[expected - 1].ChineseName} ({passed[^1].Date:yyyy-MM-dd}).");
        if (next.WaiverReason is null && string.IsNullOrWhiteSpace(next.DocumentReference))
            problems["documentReference"] = new("须填写：节点所依据的批复、许可或备案文号（豁免的节点改为填写豁免理由）。",
                "is required: the approval, permit or record the gate rests on (a waived gate records its reason instead).");
        if (next.WaiverReason is { } reason && string.IsNullOrWhiteSpace(reason))
            problems["waiverReason"] = new("须说明豁免该节点的理由。", "must say why the gate is waived.");
        return problems;
    }

    /// <summary>
    /// Checks a milestone plan: each date a gate of the path, none before the date of a gate that comes before it. The
    /// path itself changes only while no gate has been passed (the gates passed belong to the path they were passed on).
    /// </summary>
    /// <returns>Each problem, by field (path, milestones.{gate}); none when the plan may be recorded.</returns>
    public static IEnumerable<(string Field, UserText Problem)> CheckPlan(
        DeliveryPath path, IReadOnlyList<Passage> passed, IReadOnlyDictionary<string, DateOnly> milestones,
        DeliveryPath? newPath = null)
    {
        if (newPath is { } changed && changed != path && passed.Count > 0)
            yield return ("path", new("已有节点通过后不能更改建设路径。", "cannot change once a gate has been passed."));
        path = newPath ?? path;
        var gates = Paths.Gates[path];
        DateOnly? previous = null;
        foreach (var gate in gates.Where(g => milestones.ContainsKey(g.Code)))
        {
            var date = milestones[gate.Code];
            if (previous is { } before && date < before)
                yield return ($"milestones.{gate.Code}", new(
                    $"{gate.ChineseName} {date:yyyy-MM-dd} 早于前一节点的计划日期（{before:yyyy-MM-dd}）。",
                    $"{gate.ChineseName} on {date:yyyy-MM-dd} is before the gate planned before it ({before:yyyy-MM-dd})."));
            previous = date;
        }
        foreach (var unknown in milestones.Keys.Where(k => IndexOf(gates, k) < 0))
            yield return ($"milestones.{unknown}", new UserText($"“{unknown}”", $"\"{unknown}\"") + NotAGate(path, gates));
    }

    private static UserText NotAGate(DeliveryPath path, IReadOnlyList<Gate> gates) => new(
        $"不是{PathNames[path]}路径的节点（{string.Join(" → ", gates.Select(g => g.ChineseName))}）。",
        $"is not a gate of the {path.Code()} path ({string.Join(" → ", gates.Select(g => g.Code))}).");

    public static readonly IReadOnlyDictionary<DeliveryPath, string> PathNames = new Dictionary<DeliveryPath, string>
    {
        [DeliveryPath.Government] = "政府投资", [DeliveryPath.Developer] = "开发商配套",
    };

    /// <summary>
    /// 立项 on the government path: the 立项 gate on the approval's document, after 谋划 when that was never recorded
    /// (the project's entry in the project library, 项目库, on the day it was created).
    /// </summary>
    public static IReadOnlyList<Passage> Approval(
        IReadOnlyList<Passage> passed, DateOnly createdOn, DateOnly date, SignedInUser by, string? documentReference) =>
        passed.Count == 0
            ? [new Passage("proposed", createdOn < date ? createdOn : date, by, $"项目库入库 {createdOn:yyyy-MM-dd}"),
                new Passage("approved", date, by, documentReference)]
            : [new Passage("approved", date, by, documentReference)];

    /// <summary>The gates before 投入使用 not passed yet: putting the places into use waives each, with a reason.</summary>
    public static IReadOnlyList<Gate> Unpassed(DeliveryPath path, IReadOnlyList<Passage> passed) =>
        [.. Paths.Gates[path].Skip(passed.Count).SkipLast(1)];

    /// <summary>投入使用 on a day: each gate not passed yet waived for the reason given, then the last gate passed.</summary>
    public static IReadOnlyList<Passage> Commissioning(IReadOnlyList<Gate> unpassed, DateOnly inUseFrom, SignedInUser by,
        string? documentReference, string? waiverReason) =>
        [.. unpassed.Select(gate => new Passage(gate.Code, inUseFrom, by, null, waiverReason)),
            new Passage("in_use", inUseFrom, by, documentReference)];

    /// <summary>The gate a project is at: the last passed or waived, or none.</summary>
    public static Gate? Current(DeliveryPath path, IReadOnlyList<Passage> passed) =>
        passed.Count == 0 ? null : Paths.Gates[path][IndexOf(Paths.Gates[path], passed[^1].Gate)];

    public static int IndexOf(IReadOnlyList<Gate> gates, string code)
    {
        for (var i = 0; i < gates.Count; i++)
            if (gates[i].Code == code)
                return i;
        return -1;
    }
}

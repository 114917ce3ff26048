using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Workforce.Rotation;

/// <summary>The export of a plan: every teacher who rotates, from where to where, for how long and how it ended.</summary>
internal static class PlanSheet
{
    public static readonly XlsxSheet<PlanView> Sheet = new("交流轮岗计划", "rotation-plan.xlsx",
        ["教师", "学科", "骨干", "派出学校", "接收学校", "期限（学年）", "手工调整", "结果", "返回日期", "提前返回原因"],
        plan => plan.Assignments.Select(a => (IReadOnlyList<object?>)
        [
            a.TeacherName, a.Subject, a.Backbone ? "是" : "否", a.FromSchool, a.ToSchool, a.TermYears,
            a.Manual ? "是" : "否", a.Outcome switch { RotationOutcome.Returned => "返回", RotationOutcome.Stayed => "留任", _ => null },
            a.ReturnsOn?.ToString("yyyy-MM-dd"), a.ReturnReason,
        ]));
}

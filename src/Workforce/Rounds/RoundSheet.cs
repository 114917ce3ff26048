using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Workforce.Rounds;

/// <summary>The export of a round: every candidate and where they went, with schools by name.</summary>
internal static class RoundSheet
{
    /// <summary>What became of a candidate left without a post.</summary>
    private static readonly Dictionary<string, string> UnplacedNames = new() { ["training"] = "待岗培训", ["reassignment"] = "转岗" };

    public static readonly XlsxSheet<(RoundView Round, Dictionary<Guid, string> Schools)> Sheet = new(
        "区管校聘", "appointment-round.xlsx", ["教师", "学科", "原学校", "志愿学校", "受聘学校", "结果"],
        export => export.Round.Candidates.Select(c => (IReadOnlyList<object?>)
        [
            c.Name, c.Subject, export.Schools.GetValueOrDefault(c.HomeSchoolId),
            string.Join("、", c.Preferences.Select(p => export.Schools.GetValueOrDefault(p))),
            c.PlacedSchoolId is { } placed ? export.Schools.GetValueOrDefault(placed) : null,
            c.PlacedIn is { } stage ? RoundRules.StageNames[stage].Zh : UnplacedNames.GetValueOrDefault(c.UnplacedOutcome ?? "", ""),
        ]));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Forecasts;
using Platform.Planning.Schools;

namespace Platform.Planning.Scenarios.Steps;

/// <summary>Two to six scenarios side by side: demand, places and their balance per stage and year, and their warnings.</summary>
internal static class CompareScenarios
{
    public static readonly XlsxSheet<IReadOnlyList<ScenarioComparison>> Sheet = new("方案比较", "scenarios.xlsx",
        ["方案", "学段", "学年", "需求", "学位", "余缺学位"],
        comparisons => comparisons.SelectMany(c => c.Totals.Select(t => (IReadOnlyList<object?>)
        [
            c.Name, Stage.All[t.Stage].ChineseName, t.Year, Math.Round(t.Demand), t.Capacity, t.Balance,
        ])));

    public static async Task<(IReadOnlyList<ScenarioComparison>? Comparisons, ProblemHttpResult? Problem)> CompareAsync(
        CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.ScenarioIds is not { Length: >= 2 and <= 6 })
            validation.Add("scenarioIds", new("须列出 2 到 6 个方案。", "must list 2 to 6 scenarios."));
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        var comparisons = new List<ScenarioComparison>();
        foreach (var id in request.ScenarioIds!.Distinct())
        {
            var scenario = await ScenarioStore.FindAsync(dataSource, id, cancellationToken);
            if (scenario is null || !scope.Covers(scenario.DistrictCode))
            {
                validation.Add("scenarioIds", new($"{id} 不是已有的方案。", $"{id} is not a scenario."));
                return (null, validation.AsProblem());
            }
            var (result, problem) = await ForecastPipeline.CapacityAsync(
                scenario.Levers with { DistrictCode = scenario.DistrictCode }, dataSource, cancellationToken);
            if (result is null)
                return (null, problem);
            comparisons.Add(new ScenarioComparison(scenario.Id, scenario.Name, Totals(result.Report),
                Enum.GetValues<WarningKind>().ToDictionary(kind => kind, kind => result.Report.Warnings.Count(w => w.Kind == kind))));
        }
        return (comparisons, null);
    }

    private static List<StageYearTotal> Totals(CapacityReport report) =>
        [.. report.Rows.GroupBy(r => (r.Stage, r.Year))
            .OrderBy(g => g.Key.Stage, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new StageYearTotal(g.Key.Stage, g.Key.Year, g.Sum(r => r.Demand), g.Sum(r => r.Capacity), DistrictBalance.Of(g)))];
}

using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

/// <summary>The portfolio's exports, with the names planners use.</summary>
internal static class PortfolioSheets
{
    private static readonly Dictionary<PortfolioStatus, string> StatusNames = new()
    {
        [PortfolioStatus.Completed] = "竣工", [PortfolioStatus.UnderConstruction] = "在建", [PortfolioStatus.Reserve] = "储备",
    };

    public static readonly XlsxSheet<PortfolioView> Arriving = new("学位进度", "portfolio.xlsx",
        ["区划代码", "学段", "状态", "年份", "计划学位", "预测学位"],
        portfolio => portfolio.Arriving.Select(a => (IReadOnlyList<object?>)[a.DistrictCode,
            SchoolStages.ChineseNames.GetValueOrDefault(a.Stage, a.Stage), StatusNames[a.Status], a.Year,
            a.PlannedPlaces, a.ForecastPlaces]));

    public static readonly XlsxSheet<PortfolioView> Projects = new("项目", "projects.xlsx",
        ["项目", "状态", "路径", "当前阶段", "基线开学年", "计划开学年", "预测开学年", "延误", "SPI", "CPI", "预警"],
        portfolio => portfolio.Projects.Select(p => (IReadOnlyList<object?>)[p.Name,
            ProjectStatuses.ChineseNames[p.Status],
            StageGates.PathNames[p.Path],
            p.Milestones.FirstOrDefault(m => m.Gate == p.CurrentGate)?.ChineseName ?? p.CurrentGate,
            p.BaselineOpeningYear, p.PlannedOpeningYear, p.ForecastOpeningYear, p.Slips ? "是" : "否", p.Spi, p.Cpi,
            string.Join("；", p.Flags.Select(f => f.Text))]));
}

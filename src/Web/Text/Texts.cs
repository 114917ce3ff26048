using System.Globalization;

namespace Platform.Web.Text;

/// <summary>
/// Every label and message of the UI in Simplified Chinese and English, picked by the request's culture (Chinese
/// unless the user switched). A missing key shows as itself, so a gap is visible rather than blank.
/// </summary>
public sealed class Texts
{
    private static readonly Dictionary<string, (string Zh, string En)> All = new()
    {
        ["app.name"] = ("区教育局规划平台", "District education planning"),
        ["nav.label"] = ("主导航", "Main navigation"),
        ["nav.planning"] = ("学位规划", "School places"),
        ["nav.workforce"] = ("师资", "Workforce"),
        ["nav.facilities"] = ("校建", "Facilities"),
        ["lang.switch"] = ("English", "中文"),
        ["lang.switch.label"] = ("切换到英文", "Switch to Chinese"),
        ["user.scope"] = ("辖区", "Scope"),
        ["sign-out"] = ("退出", "Sign out"),
        ["sample-data"] = ("示例数据：以下区的数据为演示用，并非真实统计：", "Sample data: the figures of these districts are for demonstration, not real statistics:"),
        ["sign-in.title"] = ("登录", "Sign in"),
        ["sign-in.user"] = ("用户名", "User name"),
        ["sign-in.password"] = ("密码", "Password"),
        ["sign-in.submit"] = ("登录", "Sign in"),
        ["sign-in.missing"] = ("请输入用户名和密码。", "Enter your user name and password."),
        ["home.title"] = ("欢迎", "Welcome"),
        ["home.pick"] = ("请选择工作：", "Choose where to work:"),
        ["home.none"] = ("您的账号没有可用的角色，请联系管理员。", "Your account has no role to work with; ask an administrator."),
        ["filter.district"] = ("区", "District"),
        ["filter.stage"] = ("学段", "Stage"),
        ["filter.horizon"] = ("预测年数", "Years ahead"),
        ["filter.apply"] = ("更新", "Update"),
        ["stage.kindergarten"] = ("幼儿园", "Kindergarten"),
        ["stage.primary"] = ("小学", "Primary"),
        ["stage.junior_secondary"] = ("初中", "Junior secondary"),
        ["stage.senior_secondary"] = ("高中", "Senior secondary"),
        ["planning.title"] = ("学位供需", "School places: supply and demand"),
        ["planning.grid"] = ("各学区学位缺口（负数）与富余（正数）", "Shortfall (negative) and surplus (positive) of places by zone"),
        ["planning.zone"] = ("学区", "Zone"),
        ["planning.trend"] = ("需求与学位", "Demand and places"),
        ["planning.trend.label"] = ("全区逐年学位需求、现有学位与在建学位的图表", "Chart of the district's demand, places and pipeline places by year"),
        ["planning.demand"] = ("需求", "Demand"),
        ["planning.places"] = ("学位", "Places"),
        ["planning.pipeline"] = ("在建学位", "Pipeline places"),
        ["planning.warnings"] = ("预警", "Warnings"),
        ["planning.no-warnings"] = ("未来年份没有预警。", "No warnings in the years ahead."),
        ["planning.large-classes"] = ("大班额风险", "Large-class risk"),
        ["planning.base-year"] = ("基准年", "Base year"),
        ["planning.updated"] = ("更新于", "Updated"),
        ["warning.shortfall"] = ("学位缺口", "Shortfall"),
        ["warning.largeClasses"] = ("大班额", "Large classes"),
        ["warning.surplus"] = ("学位富余", "Surplus"),
        ["warning.text"] = ("{0}：{1}年起 {2}，约 {3} 个学位（{4} 个班）", "{0}: from {1}, {2} of about {3} places ({4} classes)"),
        ["legend"] = ("图例", "Legend"),
        ["standing.LargeShortfall"] = ("缺口超过10%", "Shortfall over 10%"),
        ["standing.Shortfall"] = ("缺口", "Shortfall"),
        ["standing.Balanced"] = ("平衡", "Balanced"),
        ["standing.Surplus"] = ("富余", "Surplus"),
        ["standing.LargeSurplus"] = ("富余超过20%", "Surplus over 20%"),
        ["export"] = ("导出Excel", "Export to Excel"),
        ["error.load"] = ("无法读取数据：", "The data could not be read: "),
        ["workforce.title"] = ("编制与配备", "Establishment and staffing"),
        ["workforce.school"] = ("学校", "School"),
        ["workforce.required"] = ("核定编制", "Required"),
        ["workforce.approved"] = ("批准岗位", "Approved posts"),
        ["workforce.actual"] = ("在编教师", "Teachers in post"),
        ["workforce.gap"] = ("缺（−）超（+）编", "Short (−) / over (+)"),
        ["workforce.arts"] = ("音体美缺科", "Missing arts and sports"),
        ["workforce.totals"] = ("全区合计", "District totals"),
        ["facilities.title"] = ("校建项目", "School building projects"),
        ["facilities.arriving"] = ("逐年新增学位", "Places arriving by year"),
        ["facilities.year"] = ("年份", "Year"),
        ["facilities.status"] = ("状态", "Status"),
        ["facilities.planned"] = ("计划学位", "Planned places"),
        ["facilities.forecast"] = ("预计学位", "Forecast places"),
        ["facilities.projects"] = ("项目", "Projects"),
        ["facilities.name"] = ("项目名称", "Project"),
        ["facilities.in-use"] = ("计划投用", "Planned in use"),
        ["facilities.slip"] = ("延误（天）", "Slip (days)"),
        ["status.completed"] = ("竣工", "Completed"),
        ["status.underway"] = ("在建", "Under way"),
        ["status.pipeline"] = ("储备", "In the pipeline"),
        ["not-found"] = ("找不到这个页面。", "There is no such page."),
    };

    public string this[string key] =>
        All.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Zh) : key;

    public string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, this[key], values);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Web.Text;

/// <summary>
/// The fields of the services' requests as the forms label them, so that a service's message about a field names it
/// in the user's words ("学校开办与停办 第 2 行 · 年份"), never as the API spells it ("schoolChanges[1].year"). A test
/// checks that every field of every request in the services' OpenAPI documents has a label here.
/// </summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, (string Zh, string En)> Fields = new()
    {
        // Everywhere
        ["districtCode"] = ("区", "District"), ["districtCodes"] = ("区", "Districts"), ["code"] = ("区划代码", "Area code"),
        ["areaCode"] = ("区域", "Area"), ["id"] = ("编号", "Id"), ["name"] = ("名称", "Name"), ["note"] = ("备注", "Note"),
        ["year"] = ("年份", "Year"), ["years"] = ("年数", "Years"), ["date"] = ("日期", "Date"), ["asOf"] = ("截至日期", "As of"),
        ["from"] = ("起", "From"), ["to"] = ("止", "To"), ["reason"] = ("原因", "Reason"), ["file"] = ("文件", "File"),
        ["dryRun"] = ("仅预览", "Preview only"), ["stage"] = ("学段", "Stage"), ["stages"] = ("学段", "Stages"),
        ["schoolId"] = ("学校", "School"), ["schoolIds"] = ("学校", "Schools"), ["zoneId"] = ("学区", "Zone"),
        ["status"] = ("状态", "Status"), ["value"] = ("数值", "Value"), ["source"] = ("来源", "Source"),
        ["level"] = ("汇总层级", "Level"), ["scope"] = ("范围", "Scope"), ["step"] = ("步骤", "Step"),
        ["$"] = ("提交的内容", "The request"), ["path"] = ("路径", "Path"),
        // Audit trail and parked messages
        ["actor"] = ("操作人", "Changed by"), ["operation"] = ("操作", "Operation"), ["table"] = ("数据表", "Table"),
        ["rowKey"] = ("记录", "Record"), ["limit"] = ("条数", "Rows"), ["queue"] = ("队列", "Queue"),
        ["messageId"] = ("消息", "Message"), ["since"] = ("起始时间", "Since"),
        // Accounts
        ["userName"] = ("用户名", "User name"), ["displayName"] = ("姓名", "Display name"), ["password"] = ("密码", "Password"),
        ["currentPassword"] = ("当前密码", "Current password"), ["newPassword"] = ("新密码", "New password"),
        ["refreshToken"] = ("登录凭据", "Session"), ["roles"] = ("角色", "Roles"), ["active"] = ("启用", "Active"),
        // Schools and indicators
        ["openingYear"] = ("开办年份", "Opening year"), ["ownership"] = ("办学性质", "Ownership"),
        ["streetId"] = ("街道", "Street"), ["classSizeNorm"] = ("班额标准", "Class-size norm"),
        ["classesPerGrade"] = ("每年级班数", "Classes per grade"), ["indicatorCode"] = ("指标", "Indicator"),
        ["note"] = ("备注", "Note"),
        // Forecasts and scenarios
        ["levers"] = ("", ""), // the editor's own fields: the lever itself names the problem
        ["variant"] = ("预测口径", "Variant"), ["method"] = ("升级比汇总方法", "Progression ratio summary"),
        ["ratioYears"] = ("取近几年升级比", "Years of ratios"), ["alpha"] = ("平滑系数 α", "Smoothing α"),
        ["entryRatioYears"] = ("取近几年入学比", "Years of entry ratios"), ["birthGrowth"] = ("出生数年变化", "Yearly change of births"),
        ["birthSeries"] = ("预计出生数", "Expected births"), ["migrationFactor"] = ("迁移系数", "Migration factor"),
        ["facilityProjects"] = ("计入的校建项目", "Facility projects counted"), ["housing"] = ("新建住宅生源", "Pupils from new housing"),
        ["residentsPerDwelling"] = ("户均人口", "Residents per dwelling"), ["yieldPerDwelling"] = ("每户生源", "Pupils per dwelling"),
        ["placesPerThousandResidents"] = ("千人学位数", "Places per 1,000 residents"), ["maturation"] = ("入住年限", "Years to move in"),
        ["classSizeNorms"] = ("班额标准（小班化）", "Class-size norms"), ["schoolChanges"] = ("学校开办与停办", "Schools opened or closed"),
        ["change"] = ("变动", "Change"), ["demandMoves"] = ("生源调整", "Demand moved between zones"),
        ["fromZoneId"] = ("调出学区", "From zone"), ["toSchoolId"] = ("调入学校", "To school"), ["share"] = ("比例", "Share"),
        ["fromYear"] = ("起始年份", "From year"), ["baseYear"] = ("基准年", "Base year"), ["horizon"] = ("预测年数", "Years ahead"),
        ["candidates"] = ("比较的方法", "Methods compared"), ["holdoutYears"] = ("回测年数", "Years held out"),
        ["scenarioIds"] = ("方案", "Scenarios"),
        // Teachers, rotation, rounds, training and staffing
        ["staffNumber"] = ("工号", "Staff number"), ["gender"] = ("性别", "Gender"), ["birthDate"] = ("出生日期", "Date of birth"),
        ["hiredOn"] = ("入职日期", "Hired on"), ["atSchoolSince"] = ("到校日期", "At the school since"),
        ["subjects"] = ("学科", "Subjects"), ["title"] = ("职称", "Title"), ["role"] = ("岗位", "Post"),
        ["backbone"] = ("骨干教师", "Backbone teacher"), ["establishment"] = ("编制", "Establishment"),
        ["exemption"] = ("暂缓交流原因", "Exemption"), ["exemptionFrom"] = ("暂缓起始日期", "Exempt from"),
        ["exemptionTo"] = ("暂缓截止日期", "Exempt until"), ["exemptionNote"] = ("暂缓说明", "Exemption note"),
        ["fromDate"] = ("原到校日期", "Posting's first day"), ["newFromDate"] = ("更正后的到校日期", "Corrected first day"),
        ["teacherId"] = ("教师", "Teacher"), ["teacherIds"] = ("教师", "Teachers"), ["policy"] = ("交流政策", "Rotation policy"),
        ["referenceDate"] = ("基准日", "Reference date"), ["minYearsAtSchool"] = ("在校满年限", "Years at the school"),
        ["maleMaxAge"] = ("男教师年龄上限", "Age limit, men"), ["femaleMaxAge"] = ("女教师年龄上限", "Age limit, women"),
        ["principalMinYears"] = ("校长任职满年限", "Principal's years"),
        ["principalMaleMaxAge"] = ("男校长年龄上限", "Principal's age limit, men"),
        ["principalFemaleMaxAge"] = ("女校长年龄上限", "Principal's age limit, women"), ["quotaShare"] = ("交流比例", "Quota share"),
        ["quotaUnit"] = ("名额核定方式", "Quota unit"), ["backboneShare"] = ("骨干教师比例", "Backbone share"),
        ["termYears"] = ("交流年限", "Term (years)"), ["directions"] = ("交流方向", "Directions"),
        ["acrossStages"] = ("跨学段交流", "Across stages"), ["beyondSubjectNeed"] = ("不限学科需要", "Beyond subject need"),
        ["receiveBeyondGaps"] = ("超出缺额接收", "Receive beyond gaps"), ["on"] = ("返回日期", "Home on"),
        ["outcomes"] = ("结果", "Outcomes"), ["outcome"] = ("去向", "Outcome"), ["posts"] = ("岗位数", "Posts"),
        ["termFrom"] = ("聘期起", "Term from"), ["termTo"] = ("聘期止", "Term to"), ["strength"] = ("办学水平", "Strength"),
        ["groupName"] = ("集团", "Group"), ["firstCycleStart"] = ("首个周期起始", "First cycle starts"),
        ["hours"] = ("学时", "Hours"), ["newTeacherHours"] = ("新教师学时", "New teachers' hours"),
        ["alertMonths"] = ("提前提醒月数", "Months of warning"), ["maxHoursPerMonth"] = ("每月最多学时", "Most hours a month"),
        // Projects
        ["classes"] = ("班数", "Classes"), ["classesAdded"] = ("新增班数", "Classes added"), ["places"] = ("学位数", "Places"),
        ["placesAdded"] = ("新增学位数", "Places added"), ["plannedInUse"] = ("计划投入使用日期", "Planned in use"),
        ["newSchool"] = ("新建学校", "New school"), ["otherStages"] = ("其他学段", "Other stages"),
        ["type"] = ("项目类型", "Project type"), ["floorArea"] = ("建筑面积", "Floor area"), ["landArea"] = ("用地面积", "Land area"),
        ["budget"] = ("总投资", "Budget"), ["funding"] = ("资金来源", "Funding"), ["responsibleUnit"] = ("责任单位", "Responsible unit"),
        ["contractor"] = ("承建单位", "Contractor"), ["gate"] = ("阶段", "Stage gate"),
        ["documentReference"] = ("批复文号", "Document reference"),
        ["waiverReason"] = ("豁免理由", "Why waived"), ["inUseFrom"] = ("投入使用日期", "In use from"),
        ["milestones"] = ("进度计划", "Milestone plan"), ["kind"] = ("类别", "Kind"), ["amount"] = ("金额（万元）", "Amount (10k yuan)"),
        ["plannedValue"] = ("计划值", "Planned value"), ["earnedValue"] = ("挣值", "Earned value"),
        ["actualCost"] = ("实际成本", "Actual cost"),
    };

    /// <summary>
    /// A request's field as the forms label it: "schoolChanges[1].year" is "学校开办与停办 第 2 行 · 年份"; a map's key
    /// ("milestones.design") is left to the message, which names it in words. Null when the field has no label.
    /// </summary>
    public string? Field(string path)
    {
        var segments = path.Split('.');
        var parts = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment().Match(segments[i]);
            var name = match.Groups["name"].Value;
            (string Zh, string En) label = ("", "");
            if (!match.Success || name.Length > 0 && !Fields.TryGetValue(char.ToLowerInvariant(name[0]) + name[1..], out label))
            {
                if (i == 0)
                    return null;
                continue; // a map's key, such as a gate: the message names it
            }
            var words = IsEnglish ? label.En : label.Zh;
            foreach (Capture index in match.Groups["index"].Captures)
                words += " " + Format("problem.row", int.Parse(index.Value, CultureInfo.InvariantCulture) + 1);
            if (words.Trim().Length > 0)
                parts.Add(words.Trim());
        }
        return parts.Count > 0 ? string.Join(" · ", parts) : null;
    }

    [GeneratedRegex(@"^(?<name>[^\[\]]*)(?:\[(?<index>\d{1,6})\])*$")]
    private static partial Regex Segment();
}

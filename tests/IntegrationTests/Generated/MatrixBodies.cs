namespace Platform.IntegrationTests.Generated;

/// <summary>
/// A valid body for each request schema of the documents, with the records it names as placeholders ({school},
/// {district}, …; {n} is a fresh suffix). A body valid in itself reaches the district check, so a refusal there shows.
/// A new endpoint that takes one of these schemas is covered as it is; a new schema must be given a body here, or the
/// matrix reports the endpoint as unclassified.
/// </summary>
public static class MatrixBodies
{
    private static readonly Dictionary<string, string> BySchema = new()
    {
        ["StreetRequest"] = """{"name":"矩阵街道{n}"}""",
        ["ZoneRequest"] = """{"name":"矩阵学区{n}","kind":"school_district"}""",
        ["SchoolRequest"] = """
            {"name":"矩阵学校{n}","districtCode":"{district}","zoneId":"{zone}","ownership":"public","status":"open",
             "stages":[{"stage":"primary","classesPerGrade":[1,1,1,1,1,1]}]}
            """,
        ["ForecastRequest"] = """{"districtCode":"{district}","horizon":3}""",
        ["BackTestRequest"] = """{"districtCode":"{district}","holdoutYears":2}""",
        ["ScenarioRequest"] = """
            {"districtCode":"{district}","name":"矩阵方案{n}",
             "levers":{"horizon":3,"schoolChanges":[{"schoolId":"{school}","change":"close","year":2030}]}}
            """,
        ["CloneRequest"] = """{"name":"矩阵复制{n}"}""",
        ["CompareRequest"] = """{"scenarioIds":["{scenario}"]}""",
        ["ObservationRequest"] = """
            {"areaCode":"{district}","indicatorCode":"physical_health_good","stage":"primary","year":2024,"value":40,"source":"矩阵"}
            """,
        ["SampleDataRequest"] = """{"districtCodes":["{district}"],"note":"矩阵"}""",
        ["TeacherRequest"] = """
            {"staffNumber":"MX{n}","name":"矩阵教师","gender":"男","birthDate":"1980-03-01","schoolId":"{school}",
             "atSchoolSince":"2012-09-01","subjects":["数学"],"title":"一级","establishment":"在编"}
            """,
        ["GenerateRequest"] = """{"districtCode":"{district}","year":2032}""",
        ["EditRequest"] = """{"teacherId":"{teacher}","toSchoolId":"{school}"}""",
        ["ExtendRequest"] = """{"years":1}""",
        ["RotationPolicy"] = """{"minYearsAtSchool":6}""",
        ["PostingCorrection"] = """{"fromDate":"2012-09-01","schoolId":"{school}","reason":"矩阵"}""",
        ["EarlyReturnRequest"] = """{"on":"2030-01-01","reason":"矩阵"}""",
        ["StepRequest"] = """{"note":"矩阵"}""",
        ["ProfileRequest"] = """{"strength":3,"groupName":"矩阵集团"}""",
        ["OpenRoundRequest"] = """{"districtCode":"{district}","termFrom":"2032-09-01","termTo":"2035-08-31"}""",
        ["PostsRequest"] = """{"schoolId":"{school}","posts":{"数学":1}}""",
        ["ChoiceRequest"] = """{"schoolId":"{school}","teacherIds":["{teacher}"]}""",
        ["PreferenceRequest"] = """{"teacherId":"{teacher}","schoolIds":["{school}"]}""",
        ["PlacementRequest"] = """{"teacherId":"{teacher}","schoolId":"{school}"}""",
        ["ActorRequest"] = "{}",
        ["UnplacedRequest"] = """{"teacherId":"{teacher}","outcome":"training"}""",
        ["RestRequest"] = """{"outcome":"training"}""",
        ["CreateProjectRequest"] = """{"schoolId":"{school}","name":"矩阵项目{n}","stage":"primary","classesAdded":2}""",
        ["SchoolChoice"] = """{"schoolId":"{school}"}""",
        ["ScheduleRequest"] = """{"plannedInUse":"2030-09-01"}""",
        ["CancelRequest"] = """{"reason":"矩阵"}""",
        ["PlanRequest"] = """{"path":"government","milestones":{"proposed":"2025-01-06","approved":"2025-06-02","in_use":"2030-09-01"}}""",
        ["EstimateRequest"] = """{"kind":"feasibility","amount":1000,"date":"2026-01-05"}""",
        ["EarnedValueRequest"] = """{"plannedValue":800,"earnedValue":600,"actualCost":750}""",
        ["GateRequest"] = """{"gate":"proposed","date":"2025-01-06","documentReference":"矩阵"}""",
        ["ApproveRequest"] = """{"date":"2026-03-02","documentReference":"矩阵"}""",
        ["CommissionRequest"] = """{"inUseFrom":"2026-09-01","documentReference":"矩阵","waiverReason":"矩阵"}""",
        ["SignInRequest"] = """{"userName":"mx-nobody-{n}","password":"Wrong-Password-{n}"}""",
        ["RefreshRequest"] = """{"refreshToken":"not-a-token-{n}"}""",
        ["PasswordChangeRequest"] = """{"currentPassword":"Wrong-Password-{n}","newPassword":"Matrix-New-Password-{n}"}""",
        ["NewUserRequest"] = """{"userName":"mx{n}","displayName":"矩阵用户","password":"Matrix-Password-{n}","districtCode":"{district}"}""",
        ["UserChangeRequest"] = """{"displayName":"矩阵用户{n}","active":true}""",
        ["PasswordRequest"] = """{"password":"Matrix-Password-{n}"}""",
        ["GrantRequest"] = """{"roles":["viewer"],"districtCode":"{district}"}""",
        ["DetailsRequest"] = """{"type":"new_build","floorArea":12000,"budget":8000,"funding":{"区财政":8000}}""",
    };

    /// <summary>Bodies of schemas the documents give inline (a map or a list), by operation.</summary>
    private static readonly Dictionary<string, string> ByOperation = new()
    {
        ["PUT /schools/{id}/posts"] = """{"数学":1}""",
        ["PUT /training/rules/{districtCode}"] = """[{"kind":"cycle","hours":360,"years":5,"firstCycleStart":2021}]""",
        ["PUT /establishment/ratios/{districtCode}"] = """{"primary":19}""",
    };

    public static string? For(Operation operation) =>
        operation.BodyName is { } name ? BySchema.GetValueOrDefault(name)
            : ByOperation.GetValueOrDefault($"{operation.Method} {operation.Path}");

    /// <summary>Whether the body names records, so that it is also sent naming another district's.</summary>
    public static bool NamesRecords(string? body) =>
        body is not null && System.Text.RegularExpressions.Regex.IsMatch(body, @"\{(?!n\})\w+\}");
}

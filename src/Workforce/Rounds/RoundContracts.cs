using Platform.BuildingBlocks.Http;

namespace Platform.Workforce.Rounds;

public sealed record OpenRoundRequest(string? DistrictCode, DateOnly? TermFrom, DateOnly? TermTo);

public sealed record PostsRequest(Guid? SchoolId, [property: Bounds(0, 500)] Dictionary<string, int>? Posts);

public sealed record ChoiceRequest(Guid? SchoolId, Guid[]? TeacherIds);

public sealed record PreferenceRequest(Guid? TeacherId, Guid[]? SchoolIds);

public sealed record PlacementRequest(Guid? TeacherId, Guid? SchoolId);

public sealed record UnplacedRequest(Guid? TeacherId, string? Outcome);

public sealed record RestRequest(string? Outcome);

public sealed record RoundPost(Guid SchoolId, string SchoolName, string Subject, int Posts, int Filled);

/// <param name="Preferences">The schools the teacher asked for in 跨校竞聘, the first preferred.</param>
public sealed record RoundCandidate(
    Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, string? PlacedIn,
    string? UnplacedOutcome, Guid[] Preferences);

/// <summary>A round as the list of a district's rounds shows it.</summary>
public sealed record RoundLine(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, string Stage);

public sealed record RoundView(
    Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, string Stage,
    IReadOnlyList<RoundPost> Posts, IReadOnlyList<RoundCandidate> Candidates, IReadOnlyList<WorkflowEvent> Events);

using Platform.BuildingBlocks.Http;

namespace Platform.Workforce.Rounds;

public sealed record OpenRoundRequest(string? DistrictCode, DateOnly? TermFrom, DateOnly? TermTo);

public sealed record PostsRequest(Guid? SchoolId, [property: Bounds(0, 500)] Dictionary<string, int>? Posts);

public sealed record ChoiceRequest(Guid? SchoolId, Guid[]? TeacherIds);

public sealed record PreferenceRequest(Guid? TeacherId, Guid[]? SchoolIds);

public sealed record PlacementRequest(Guid? TeacherId, Guid? SchoolId);

public sealed record UnplacedRequest(Guid? TeacherId, string? Outcome);

public sealed record RestRequest(string? Outcome);

namespace Platform.Planning.Areas;

public sealed record Street(Guid Id, string DistrictCode, string Name);

public sealed record StreetRequest(string? Name);

public sealed record ZoneRequest(string? Name, string? Kind);

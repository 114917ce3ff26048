namespace Platform.Planning.Areas;

public sealed record District(string Code, string Name, string CityCode);

public sealed record Street(Guid Id, string DistrictCode, string Name);

public sealed record Zone(Guid Id, string DistrictCode, string Name, string Kind);

public sealed record StreetRequest(string? Name);

public sealed record ZoneRequest(string? Name, string? Kind);
